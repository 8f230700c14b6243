import type { Instance } from '../../api/generated';
import { useUpdateInstance } from '../../api/hooks/instances';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useToast } from '../../components/Toasts';

/** A switch that PATCHes `deletionProtection` as soon as it is flipped; while on, the API refuses to delete the instance. */
export function DeletionProtectionSwitch({ instance }: { instance: Instance }) {
  const update = useUpdateInstance(instance.projectId, instance.id);
  const toast = useToast();
  const protectedNow = update.isPending ? !!update.variables?.deletionProtection : instance.deletionProtection;
  return (
    <div className="deletion-protection">
      <label className="checkbox-block">
        <input
          type="checkbox"
          role="switch"
          checked={protectedNow}
          aria-checked={protectedNow}
          disabled={update.isPending}
          onChange={(e) =>
            update.mutate(
              { deletionProtection: e.target.checked },
              {
                onSuccess: (updated) =>
                  toast.success(
                    updated.deletionProtection ? 'Deletion protection on' : 'Deletion protection off',
                    updated.deletionProtection ? `${updated.name} cannot be deleted until it is turned off.` : `${updated.name} can be deleted.`,
                  ),
              },
            )
          }
        />
        <span>
          Protect from deletion
          <span className="muted small block">While on, the instance cannot be deleted (by the console, the API or Terraform).</span>
        </span>
      </label>
      <ProblemAlert error={update.error} title="Deletion protection could not be changed" />
    </div>
  );
}
