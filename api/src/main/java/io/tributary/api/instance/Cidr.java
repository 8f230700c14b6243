package io.tributary.api.instance;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/** Validates CIDR blocks (IPv4 or IPv6) without ever asking DNS. */
final class Cidr {

    private static final Pattern IPV4 = Pattern.compile("^(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})$");
    private static final Pattern IPV6 = Pattern.compile("^([0-9a-fA-F:]+)/(\\d{1,3})$");

    private Cidr() {
    }

    static boolean isValid(String cidr) {
        if (cidr == null) {
            return false;
        }
        var v4 = IPV4.matcher(cidr);
        if (v4.matches()) {
            for (int g = 1; g <= 4; g++) {
                if (Integer.parseInt(v4.group(g)) > 255) {
                    return false;
                }
            }
            return Integer.parseInt(v4.group(5)) <= 32;
        }
        var v6 = IPV6.matcher(cidr);
        if (v6.matches() && v6.group(1).contains(":") && Integer.parseInt(v6.group(2)) <= 128) {
            try {
                return InetAddress.getByName(v6.group(1)).getAddress().length == 16;
            } catch (UnknownHostException e) {
                return false;
            }
        }
        return false;
    }
}
