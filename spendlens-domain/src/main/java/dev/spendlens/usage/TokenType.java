package dev.spendlens.usage;

/** Which kind of token a Bedrock usage type meters. */
public enum TokenType {
    INPUT,
    OUTPUT,
    CACHE_READ,
    CACHE_WRITE,
    /** A prompt-cache write with a one-hour time to live, priced above the 5-minute write. */
    CACHE_WRITE_1H,
    /** Not a token charge: provisioned throughput, storage, images, seconds of video ... */
    NONE
}
