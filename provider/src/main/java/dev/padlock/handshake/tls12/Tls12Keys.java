package dev.padlock.handshake.tls12;

import dev.padlock.crypto.CipherSuiteSpec;
import dev.padlock.crypto.Tls12KeyBlock;
import dev.padlock.crypto.Tls12MasterSecret;

/**
 * What both sides hold once the master secret exists (RFC 5246 §8.1, RFC 7627 §4): the master
 * secret, the key block cut from it (§6.3) and the two hello randoms.
 */
record Tls12Keys(Tls12MasterSecret master, Tls12KeyBlock keyBlock, byte[] clientRandom, byte[] serverRandom) {

    CipherSuiteSpec suite() {
        return master.suite();
    }

    @Override
    public String toString() {
        return "Tls12Keys(" + suite().suite() + ")";
    }
}
