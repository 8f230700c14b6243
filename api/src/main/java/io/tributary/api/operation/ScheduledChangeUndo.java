package io.tributary.api.operation;

import io.tributary.provisioning.instance.Instance;
import io.tributary.provisioning.operation.Operation;

/** Sets back, on the locked instance, the change behind a scheduled operation that is being cancelled. */
public interface ScheduledChangeUndo {

    void undo(Instance instance, Operation cancelled);
}
