package io.chipcast.gateway.service.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where webhooks may be delivered ({@code chipcast.gateway.webhooks.allowed-destinations}: host
 * names and CIDRs). With the list empty, any public address; with it set, only what it lists.
 * Loopback, private, link-local and other local addresses are refused unless listed, so that a
 * subscriber cannot make the gateway call into its own network. Checked when a subscription is
 * made and again before every delivery: a name may resolve elsewhere later.
 */
@ApplicationScoped
public class WebhookDestinations {

    private final List<String> allowed;

    @Inject
    public WebhookDestinations(@ConfigProperty(name = "chipcast.gateway.webhooks.allowed-destinations") Optional<List<String>> allowed) {
        this.allowed = allowed.orElse(List.of()).stream().map(String::trim).filter(entry -> !entry.isEmpty())
                .map(entry -> entry.toLowerCase(Locale.ROOT)).toList();
    }

    /** Why the gateway may not deliver to this URL; empty when it may. */
    public Optional<String> refusal(URI url) {
        if (url.getScheme() == null || !(url.getScheme().equals("http") || url.getScheme().equals("https")) || url.getHost() == null) {
            return Optional.of("must be an absolute http or https URL");
        }
        String host = url.getHost().toLowerCase(Locale.ROOT);
        if (allowed.contains(host)) {
            return Optional.empty();
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            return Optional.of("host " + host + " does not resolve");
        }
        for (InetAddress address : addresses) {
            boolean listed = allowed.stream().anyMatch(entry -> matches(entry, address));
            if (!listed && (!allowed.isEmpty() || isLocal(address))) {
                return Optional.of("host " + host + " (" + address.getHostAddress() + ") is not an allowed destination"
                        + (isLocal(address) ? ": a loopback, private or link-local address" : ""));
            }
        }
        return Optional.empty();
    }

    private static boolean isLocal(InetAddress address) {
        byte[] bytes = address.getAddress();
        boolean uniqueLocalV6 = bytes.length == 16 && (bytes[0] & 0xfe) == 0xfc;
        return address.isLoopbackAddress() || address.isSiteLocalAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress()
                || address.isMulticastAddress() || uniqueLocalV6;
    }

    /** Whether the address is in a CIDR ({@code 127.0.0.0/8}) or is the address named ({@code 10.0.0.7}). */
    private static boolean matches(String entry, InetAddress address) {
        String[] parts = entry.split("/", 2);
        if (!parts[0].chars().allMatch(c -> Character.isDigit(c) || c == '.' || c == ':' || (c >= 'a' && c <= 'f'))) {
            return false;
        }
        try {
            // A literal address: no lookup.
            InetAddress network = InetAddress.getByName(parts[0]);
            if (network.getAddress().length != address.getAddress().length) {
                return false;
            }
            int bits = parts.length == 2 ? Integer.parseInt(parts[1]) : network.getAddress().length * 8;
            int shift = network.getAddress().length * 8 - bits;
            BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftLeft(shift);
            return new BigInteger(1, network.getAddress()).and(mask).equals(new BigInteger(1, address.getAddress()).and(mask));
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }
}
