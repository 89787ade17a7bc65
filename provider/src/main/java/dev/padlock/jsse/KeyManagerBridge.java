package dev.padlock.jsse;

import dev.padlock.handshake.Credential;
import dev.padlock.handshake.Credentials;
import dev.padlock.wire.SignatureScheme;
import java.net.Socket;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECKey;
import java.security.interfaces.EdECKey;
import java.security.interfaces.RSAKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.security.auth.x500.X500Principal;

/**
 * {@link Credentials} over a JSSE key manager, bound to the engine or socket that the key
 * manager's {@code chooseEngine...}/{@code choose...} methods expect.
 *
 * <p>Signature schemes are tried in the order given. Each maps to the key type SunJSSE asks
 * key managers for in TLS 1.3 ("EC", "RSA" for rsa_pss_rsae, "RSASSA-PSS" for rsa_pss_pss,
 * "EdDSA"); the alias the key manager chooses is accepted only if its key can make that
 * scheme's signature. When it cannot (a P-256 key for ecdsa_secp384r1_sha384, say), the key
 * manager's other aliases of that type are tried before the next scheme.
 */
final class KeyManagerBridge implements Credentials {
    /** RFC 8446 leaves RSA sizes to policy; 2048 bits is today's floor (NIST SP 800-131A). */
    static final int MIN_RSA_BITS = 2048;

    private static final Map<String, ECParameterSpec> CURVES = new ConcurrentHashMap<>();

    private final X509ExtendedKeyManager keyManager;
    private final SSLEngine engine;
    private final Socket socket;
    private final boolean engineBound;

    private KeyManagerBridge(X509ExtendedKeyManager keyManager, SSLEngine engine, Socket socket, boolean engineBound) {
        this.keyManager = keyManager;
        this.engine = engine;
        this.socket = socket;
        this.engineBound = engineBound;
    }

    static KeyManagerBridge forEngine(X509ExtendedKeyManager keyManager, SSLEngine engine) {
        return new KeyManagerBridge(keyManager, engine, null, true);
    }

    static KeyManagerBridge forSocket(X509ExtendedKeyManager keyManager, Socket socket) {
        return new KeyManagerBridge(keyManager, null, socket, false);
    }

    @Override
    public Optional<Credential> chooseServerCredential(List<SignatureScheme> schemes, List<X500Principal> issuers) {
        return choose(schemes, issuers, true);
    }

    @Override
    public Optional<Credential> chooseClientCredential(List<SignatureScheme> schemes, List<X500Principal> issuers) {
        return choose(schemes, issuers, false);
    }

    private Optional<Credential> choose(List<SignatureScheme> schemes, List<X500Principal> issuers, boolean server) {
        X500Principal[] issuerArray = issuers.isEmpty() ? null : issuers.toArray(X500Principal[]::new);
        Map<String, List<String>> aliasesByKeyType = new HashMap<>();
        for (SignatureScheme scheme : schemes) {
            String keyType = keyType(scheme);
            if (keyType == null) {
                continue;
            }
            List<String> aliases = aliasesByKeyType.computeIfAbsent(keyType, t -> candidates(t, issuerArray, server));
            for (String alias : aliases) {
                Optional<Credential> c = credential(alias, scheme);
                if (c.isPresent()) {
                    return c;
                }
            }
        }
        return Optional.empty();
    }

    /** The key manager's choice first, then the rest of its aliases for the key type. */
    private List<String> candidates(String keyType, X500Principal[] issuers, boolean server) {
        Set<String> out = new LinkedHashSet<>();
        String chosen = server ? chooseServerAlias(keyType, issuers) : chooseClientAlias(keyType, issuers);
        if (chosen != null) {
            out.add(chosen);
        }
        String[] all = server ? keyManager.getServerAliases(keyType, issuers)
                : keyManager.getClientAliases(keyType, issuers);
        if (all != null) {
            out.addAll(List.of(all));
        }
        return new ArrayList<>(out);
    }

    private String chooseServerAlias(String keyType, X500Principal[] issuers) {
        return engineBound ? keyManager.chooseEngineServerAlias(keyType, issuers, engine)
                : keyManager.chooseServerAlias(keyType, issuers, socket);
    }

    private String chooseClientAlias(String keyType, X500Principal[] issuers) {
        String[] keyTypes = {keyType};
        return engineBound ? keyManager.chooseEngineClientAlias(keyTypes, issuers, engine)
                : keyManager.chooseClientAlias(keyTypes, issuers, socket);
    }

    private Optional<Credential> credential(String alias, SignatureScheme scheme) {
        X509Certificate[] chain = keyManager.getCertificateChain(alias);
        PrivateKey key = keyManager.getPrivateKey(alias);
        if (chain == null || chain.length == 0 || key == null) {
            return Optional.empty();
        }
        if (!fits(scheme, chain[0].getPublicKey(), key)) {
            return Optional.empty();
        }
        return Optional.of(new Credential(List.of(chain), key));
    }

    /**
     * The key type SunJSSE passes to key managers for a TLS 1.3 scheme, or for the PKCS#1 v1.5
     * schemes TLS 1.2 also signs with; null for others.
     */
    static String keyType(SignatureScheme scheme) {
        return switch (scheme.code()) {
            case 0x0403, 0x0503, 0x0603 -> "EC";
            case 0x0804, 0x0805, 0x0806, 0x0401, 0x0501, 0x0601 -> "RSA";
            case 0x0809, 0x080A, 0x080B -> "RSASSA-PSS";
            case 0x0807, 0x0808 -> "EdDSA";
            default -> null;
        };
    }

    /** Whether a certificate's public key and the private key can make {@code scheme}'s signatures. */
    static boolean fits(SignatureScheme scheme, PublicKey publicKey, PrivateKey privateKey) {
        String keyType = keyType(scheme);
        if (keyType == null || !keyType.equals(publicKey.getAlgorithm()) || !keyType.equals(privateKey.getAlgorithm())) {
            return false;
        }
        return switch (scheme.code()) {
            case 0x0403 -> onCurve(publicKey, "secp256r1");
            case 0x0503 -> onCurve(publicKey, "secp384r1");
            case 0x0603 -> onCurve(publicKey, "secp521r1");
            case 0x0807 -> edCurve(publicKey, "Ed25519");
            case 0x0808 -> edCurve(publicKey, "Ed448");
            default -> publicKey instanceof RSAKey rsa && rsa.getModulus().bitLength() >= MIN_RSA_BITS;
        };
    }

    private static boolean edCurve(PublicKey key, String name) {
        return key instanceof EdECKey ed && ed.getParams().getName().equalsIgnoreCase(name);
    }

    private static boolean onCurve(PublicKey key, String curve) {
        if (!(key instanceof ECKey ec)) {
            return false;
        }
        ECParameterSpec want = CURVES.computeIfAbsent(curve, KeyManagerBridge::curveParameters);
        ECParameterSpec have = ec.getParams();
        return want != null && have.getCurve().equals(want.getCurve()) && have.getGenerator().equals(want.getGenerator())
                && have.getOrder().equals(want.getOrder()) && have.getCofactor() == want.getCofactor();
    }

    private static ECParameterSpec curveParameters(String curve) {
        try {
            AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
            p.init(new ECGenParameterSpec(curve));
            return p.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK lacks the named curve " + curve, e);
        }
    }
}
