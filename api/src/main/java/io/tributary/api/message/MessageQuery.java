package io.tributary.api.message;

import java.time.Instant;

/**
 * A validated message query. Mode: OFFSET (partition + offset window), TIME (first messages at
 * or after {@code from}), SCAN (by key and/or content, bounded).
 */
record MessageQuery(Mode mode, Integer partition, Long offset, Instant from, Instant to, String key, String contains,
                    int limit, int maxScan, int maxMillis, String cursor) {

    enum Mode { OFFSET, TIME, SCAN }

    /** The same query for another page: at most {@code pageLimit} messages, continuing at {@code nextCursor}. */
    MessageQuery withPage(int pageLimit, String nextCursor) {
        return new MessageQuery(mode, partition, offset, from, to, key, contains, pageLimit, maxScan, maxMillis, nextCursor);
    }

    boolean matches(String recordKey, String recordValue, long timestamp) {
        if (to != null && timestamp >= to.toEpochMilli()) {
            return false;
        }
        if (from != null && timestamp < from.toEpochMilli()) {
            return false;
        }
        if (key != null && !key.equals(recordKey)) {
            return false;
        }
        return contains == null || (recordValue != null && recordValue.contains(contains));
    }
}
