package dev.padlock.it.dropin;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import javax.net.ssl.SSLSession;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.coyote.http2.Http2Protocol;
import org.apache.tomcat.util.net.SSLContext;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;
import org.apache.tomcat.util.net.SSLSupport;

/**
 * An unmodified program: embedded Tomcat 11 with its JSSE connector (NIO, an
 * {@code SSLHostConfig} whose certificate comes from the PKCS12 key store file) and HTTP/2 as
 * the upgrade protocol, which Tomcat offers through ALPN; the client is
 * {@code java.net.http.HttpClient}. {@code h1} or {@code h2} picks the client's version.
 */
public final class TomcatMain {
    private TomcatMain() {}

    public static void main(String[] args) throws Exception {
        Facts.printDefaultContext();
        HttpClient.Version version = args[0].equals("h2") ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1;
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory(Path.of(""), "tomcat").toAbsolutePath().toString());
        Connector connector = httpsConnector();
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", null);
        Tomcat.addServlet(context, "facts", new FactsServlet(connector));
        context.addServletMappingDecoded("/*", "facts");
        tomcat.start();
        try {
            Facts.print("server.engine.class", sslContext(connector).createSSLEngine().getClass().getName());
            JdkClients.fetch(connector.getLocalPort(), version);
        } finally {
            tomcat.stop();
            tomcat.destroy();
        }
    }

    /** The connector as Tomcat's documentation configures one for TLS with HTTP/2. */
    private static Connector httpsConnector() {
        Connector connector = new Connector("org.apache.coyote.http11.Http11NioProtocol");
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        connector.setProperty("SSLEnabled", "true");
        connector.setScheme("https");
        connector.setSecure(true);
        connector.addUpgradeProtocol(new Http2Protocol());
        SSLHostConfig host = new SSLHostConfig();
        SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(host, SSLHostConfigCertificate.Type.UNDEFINED);
        certificate.setCertificateKeystoreFile(System.getProperty("javax.net.ssl.keyStore"));
        certificate.setCertificateKeystorePassword(System.getProperty("javax.net.ssl.keyStorePassword"));
        certificate.setCertificateKeystoreType("PKCS12");
        host.addCertificate(certificate);
        connector.addSslHostConfig(host);
        return connector;
    }

    /** The SSLContext Tomcat made for the certificate (SSLContext.getInstance("TLS") inside its JSSEUtil). */
    private static SSLContext sslContext(Connector connector) {
        return connector.findSslHostConfigs()[0].getCertificates().iterator().next().getSslContext();
    }

    /** The facts page: the server's view of the request and TLS session, or the payload. */
    private static final class FactsServlet extends HttpServlet {
        private static final long serialVersionUID = 1L;
        private final transient Connector connector;

        FactsServlet(Connector connector) {
            this.connector = connector;
        }

        @Override
        protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
            byte[] body = request.getRequestURI().equals(Payload.PATH) ? Payload.big()
                    : facts(request).getBytes(StandardCharsets.UTF_8);
            response.setContentType("application/octet-stream");
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }

        private String facts(HttpServletRequest request) {
            // Tomcat hands servlets the session's id, suite and protocol, not the SSLSession:
            // the session itself comes from the context's server session cache by that id.
            String id = (String) request.getAttribute(SSLSupport.SESSION_ID_KEY);
            SSLSession session = id == null ? null
                    : sslContext(connector).getServerSessionContext().getSession(HexFormat.of().parseHex(id));
            return "server.http.version=" + request.getProtocol() + "\n"
                    + "server.protocol=" + request.getAttribute(SSLSupport.PROTOCOL_VERSION_KEY) + "\n"
                    + "server.suite=" + request.getAttribute(SSLSupport.CIPHER_SUITE_KEY) + "\n"
                    + "server.session.class=" + (session == null ? "none" : session.getClass().getName()) + "\n";
        }
    }
}
