package dev.paddock.parimutuel;

/**
 * Online and retail stakes go to separate pools and pay separate dividends unless the operator merges
 * (commingles) them.
 */
public enum ChannelFamily {
    ONLINE, RETAIL
}
