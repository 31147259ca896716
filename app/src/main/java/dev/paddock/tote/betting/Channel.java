package dev.paddock.tote.betting;

import dev.paddock.parimutuel.ChannelFamily;

/** Where a bet is sold; web and mobile sell the online pools, retail terminals the retail ones. */
enum Channel {
    WEB, MOBILE, RETAIL;

    ChannelFamily family() {
        return this == RETAIL ? ChannelFamily.RETAIL : ChannelFamily.ONLINE;
    }

    boolean online() {
        return family() == ChannelFamily.ONLINE;
    }
}
