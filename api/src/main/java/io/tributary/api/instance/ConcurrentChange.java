package io.tributary.api.instance;

import io.tributary.api.error.ApiException;
import io.tributary.api.error.ErrorCode;
import java.util.function.Supplier;
import org.springframework.dao.OptimisticLockingFailureException;

/**
 * The reconciler updates instances while users do; a user's change that meets one of its writes
 * is simply tried again on the fresh row.
 */
final class ConcurrentChange {

    static final int ATTEMPTS = 5;

    private ConcurrentChange() {
    }

    static <T> T retry(Supplier<T> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return change.get();
            } catch (OptimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw new ApiException(ErrorCode.INVALID_STATE, "the instance kept changing; try again");
                }
            }
        }
    }
}
