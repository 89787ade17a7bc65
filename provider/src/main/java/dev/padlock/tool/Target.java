package dev.padlock.tool;

/** A {@code host:port} argument; an IPv6 literal goes in brackets ({@code [::1]:443}). */
record Target(String host, int port) {
    static Target parse(String text) throws UsageException {
        int colon = text.lastIndexOf(':');
        if (colon <= 0 || colon == text.length() - 1) {
            throw new UsageException("expected host:port, not " + text);
        }
        String host = text.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        } else if (host.contains(":")) {
            throw new UsageException("write an IPv6 address in brackets: [" + host + "]:port");
        }
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new UsageException("not a port number: " + text.substring(colon + 1));
        }
        if (port < 1 || port > 65535) {
            throw new UsageException("port out of range (1-65535): " + port);
        }
        return new Target(host, port);
    }

    @Override
    public String toString() {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
