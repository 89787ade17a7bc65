package dev.padlock.it.dropin;

import io.grpc.MethodDescriptor;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Child-JVM side: the gRPC service of {@link GrpcMain}, described by hand with
 * {@code MethodDescriptor}s and plain marshallers instead of protoc-generated stubs.
 */
final class GrpcService {
    static final String NAME = "padlock.it.Facts";
    static final int PAYLOAD_MESSAGES = 64;

    static final MethodDescriptor<String, String> FACTS = MethodDescriptor.<String, String>newBuilder()
            .setType(MethodDescriptor.MethodType.UNARY)
            .setFullMethodName(MethodDescriptor.generateFullMethodName(NAME, "Describe"))
            .setRequestMarshaller(new Utf8())
            .setResponseMarshaller(new Utf8())
            .build();

    static final MethodDescriptor<String, byte[]> PAYLOAD = MethodDescriptor.<String, byte[]>newBuilder()
            .setType(MethodDescriptor.MethodType.SERVER_STREAMING)
            .setFullMethodName(MethodDescriptor.generateFullMethodName(NAME, "Payload"))
            .setRequestMarshaller(new Utf8())
            .setResponseMarshaller(new Bytes())
            .build();

    private GrpcService() {}

    private static byte[] readAll(InputStream stream) {
        try (stream) {
            return stream.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Utf8 implements MethodDescriptor.Marshaller<String> {
        @Override
        public InputStream stream(String value) {
            return new ByteArrayInputStream(value.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public String parse(InputStream stream) {
            return new String(readAll(stream), StandardCharsets.UTF_8);
        }
    }

    private static final class Bytes implements MethodDescriptor.Marshaller<byte[]> {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            return readAll(stream);
        }
    }
}
