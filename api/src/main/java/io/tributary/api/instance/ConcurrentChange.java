package io.tributary.api.instance;

import io.tributary.api.error.ApiException;
import io.tributary.api.error.ErrorCode;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.springframework.dao.ConcurrencyFailureException;

/**
 * The reconciler updates instances while users do. A user's change locks the instance's row (and a deletion the
 * open operations'), so it waits for the reconciler's write instead of meeting it; should it still meet one (a row
 * it did not lock), it is tried again on the fresh row after a short, jittered pause, so that it does not collide
 * with the same busy writer each time.
 */
final class ConcurrentChange {

    static final int ATTEMPTS = 5;
    private static final long BASE_PAUSE_MS = 20;

    private ConcurrentChange() {
    }

    static <T> T retry(Supplier<T> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return change.get();
            } catch (ConcurrencyFailureException e) { // a stale version, or a deadlock PostgreSQL broke
                if (attempt == ATTEMPTS) {
                    throw new ApiException(ErrorCode.INVALID_STATE, "the instance kept changing; try again");
                }
                pause(attempt);
            }
        }
    }

    /** Up to 20, 40, 80, 160 ms (random within each), about 300 ms at the most over all attempts. */
    private static void pause(int attempt) {
        long bound = BASE_PAUSE_MS << (attempt - 1);
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(bound / 2, bound + 1));
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ApiException(ErrorCode.INVALID_STATE, "the instance kept changing; try again");
        }
    }
}
