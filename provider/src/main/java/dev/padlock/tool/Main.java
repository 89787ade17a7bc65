package dev.padlock.tool;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code padlock} command-line tool, the jar's Main-Class: {@code connect}, {@code serve}
 * and {@code info}, like {@code openssl s_client}/{@code s_server} for Padlock. Exit codes: 0
 * success, 1 a connection or handshake failed, 2 a usage error.
 */
public final class Main {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    static final String USAGE_TEXT = """
            usage: java -jar padlock-provider.jar <command> [options]

              connect host:port   handshake with a server, print what was negotiated and the server's
                                  chain, or why the handshake failed
                --sni name          server name to send (default: the host, when it is a DNS name)
                --alpn h2,http/1.1  ALPN protocols to offer
                --protocols TLSv1.3 --suites TLS_AES_128_GCM_SHA256,...  --groups x25519,...
                --trust file        trusted CAs: PKCS12 or PEM (default: the JDK's cacerts)
                --insecure          accept any certificate (still shown)
                --cert file [--key file] [--password pw]   client certificate: PKCS12, or PEM + PKCS#8 key
                --reconnect         connect a second time, resuming the first session
                --keylog file       append the NSS key log (for Wireshark)
                --debug             Padlock's debug log on standard error
                --timeout s         connect and read timeout (default 10)

              serve               accept TLS connections, print each handshake, greet and echo lines
                --cert file [--key file] [--password pw]   PKCS12, or PEM + PKCS#8 key
                                    (default: a new self-signed certificate for localhost, printed)
                --port n            0 (default) picks a free port and prints it
                --bind address      default 127.0.0.1
                --alpn --protocols --groups --trust --keylog --debug   as for connect
                --need-client-auth  require a client certificate (trusted by --trust or cacerts)
                --once              exit after the first connection (status: its handshake's)
                --timeout s         wait at most s for a client, and for each client's data

              info                Padlock's version, the JDK, supported and enabled protocols, suites,
                                  groups and signature schemes, the properties in force, and whether
                                  Padlock is installed in java.security

            exit codes: 0 ok, 1 connection or handshake failed, 2 usage error
            """;

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** The whole tool, without System.exit: the exit code is returned. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || List.of("-h", "--help", "help").contains(args[0])) {
            (args.length == 0 ? err : out).print(USAGE_TEXT);
            return args.length == 0 ? USAGE : OK;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        try {
            int code = switch (args[0]) {
                case "connect" -> ConnectCommand.run(rest, out);
                case "serve" -> ServeCommand.run(rest, out);
                case "info" -> InfoCommand.run(rest, out);
                default -> throw new UsageException("unknown command " + args[0]);
            };
            out.flush();
            return code;
        } catch (UsageException e) {
            out.flush();
            err.println("padlock: " + e.getMessage());
            err.println("run with --help for the usage");
            return USAGE;
        }
    }
}
