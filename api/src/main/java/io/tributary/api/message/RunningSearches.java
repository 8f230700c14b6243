package io.tributary.api.message;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.stereotype.Component;

/**
 * Searches that run now under a caller-chosen id, so that another request can cancel them. The key includes
 * the instance and the user who started the search: a caller reaches only its own searches (a viewer may
 * cancel what it started, nobody cancels another user's search: to them it does not exist).
 */
@Component
class RunningSearches {

    private final Map<Key, AtomicBoolean> running = new ConcurrentHashMap<>();

    private record Key(UUID instance, UUID owner, UUID searchId) {
    }

    /** A search for the duration of the returned handle; {@code searchId} may be null (not cancellable). */
    Handle start(UUID instance, UUID owner, UUID searchId) {
        AtomicBoolean flag = new AtomicBoolean();
        if (searchId == null) {
            return new Handle(null, flag);
        }
        Key key = new Key(instance, owner, searchId);
        running.put(key, flag);
        return new Handle(key, flag);
    }

    /** @return whether such a search, started by {@code owner}, was running */
    boolean cancel(UUID instance, UUID owner, UUID searchId) {
        AtomicBoolean flag = running.get(new Key(instance, owner, searchId));
        if (flag == null) {
            return false;
        }
        flag.set(true);
        return true;
    }

    final class Handle implements AutoCloseable {
        private final Key key;
        private final AtomicBoolean cancelled;

        private Handle(Key key, AtomicBoolean cancelled) {
            this.key = key;
            this.cancelled = cancelled;
        }

        boolean cancelled() {
            return cancelled.get();
        }

        @Override
        public void close() {
            if (key != null) {
                running.remove(key, cancelled);
            }
        }
    }
}
