package dev.aihq.connectors.ozon.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IpNetworkTest {

    @Test
    void aSlash22CoversFourClassCNetworks() {
        IpNetwork network = IpNetwork.parse("185.73.192.0/22");

        assertThat(network.contains(IpNetwork.literal("185.73.192.0"))).isTrue();
        assertThat(network.contains(IpNetwork.literal("185.73.195.255"))).isTrue();
        assertThat(network.contains(IpNetwork.literal("185.73.196.0"))).isFalse();
        assertThat(network.contains(IpNetwork.literal("2001:db8::1"))).as("other family").isFalse();
    }

    @Test
    void ipv6AndSingleAddressesParse() {
        assertThat(IpNetwork.parse("2001:db8::/32").contains(IpNetwork.literal("[2001:db8:ffff::1]"))).isTrue();
        assertThat(IpNetwork.parse("10.1.2.3").contains(IpNetwork.literal("10.1.2.3"))).isTrue();
        assertThat(IpNetwork.parse("10.1.2.3").contains(IpNetwork.literal("10.1.2.4"))).isFalse();
        assertThat(IpNetwork.parse("0.0.0.0/0").contains(IpNetwork.literal("8.8.8.8"))).isTrue();
    }

    @Test
    void onlyLiteralsAreRead() {
        assertThat(IpNetwork.literal("ozon.ru")).isNull();
        assertThat(IpNetwork.literal("256.1.1.1")).isNull();
        assertThat(IpNetwork.literal("")).isNull();
        assertThat(IpNetwork.literal("1.2.3.4:8080")).containsExactly(1, 2, 3, 4);
        assertThatThrownBy(() -> IpNetwork.parse("ozon.ru/24")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpNetwork.parse("1.2.3.0/40")).isInstanceOf(IllegalArgumentException.class);
    }
}
