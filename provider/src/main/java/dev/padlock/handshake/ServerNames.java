package dev.padlock.handshake;

import dev.padlock.session.TlsSession;
import dev.padlock.wire.ClientHello;
import dev.padlock.wire.FailureReason;
import dev.padlock.wire.ServerName;
import dev.padlock.wire.ServerNameExtension;
import dev.padlock.wire.TlsFailure;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SNIMatcher;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.StandardConstants;

/** Server side of server_name (RFC 6066 §3) with JSSE's SNIMatchers. */
public final class ServerNames {
    private ServerNames() {
    }

    /**
     * Records the client's names in the handshake session and applies the matchers.
     *
     * @return whether to answer with an empty server_name in EncryptedExtensions
     */
    public static boolean accept(HandshakeConfig config, TlsSession session, ClientHello hello) {
        Optional<ServerNameExtension> ext = hello.extension(ServerNameExtension.class);
        if (ext.isEmpty()) {
            return false;
        }
        List<SNIServerName> names = new ArrayList<>();
        Set<Integer> types = new HashSet<>();
        for (ServerName name : ext.get().names()) {
            // RFC 6066 §3: at most one name of each type.
            if (!types.add(name.nameType())) {
                throw new TlsFailure(FailureReason.SERVER_NAME_DUPLICATE_TYPE,
                        "server_name lists two names of type " + name.nameType());
            }
            names.add(toSni(name));
        }
        session.requestedServerNames(names);
        if (config.sniMatchers().isEmpty()) {
            return true;
        }
        for (SNIMatcher matcher : config.sniMatchers()) {
            for (SNIServerName name : names) {
                if (name.getType() == matcher.getType() && matcher.matches(name)) {
                    return true;
                }
            }
        }
        throw new TlsFailure(FailureReason.SERVER_NAME_UNRECOGNIZED,
                "the client asked for " + names + ", which no SNIMatcher of this server accepts");
    }

    private static SNIServerName toSni(ServerName name) {
        byte[] encoded = name.name().toByteArray();
        if (name.nameType() != StandardConstants.SNI_HOST_NAME) {
            return new SNIServerName(name.nameType(), encoded) {
            };
        }
        try {
            return new SNIHostName(encoded);
        } catch (IllegalArgumentException e) {
            throw new TlsFailure(FailureReason.SERVER_NAME_INVALID_HOST_NAME, "server_name holds an invalid host name");
        }
    }
}
