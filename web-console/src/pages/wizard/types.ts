import type { AvailabilityZone, Flavor, KafkaVersion } from '../../api/generated';
import type { WizardForm } from '../../lib/instanceForm';
import type { FieldErrors } from '../../lib/validation';

export interface StepProps {
  form: WizardForm;
  set: (patch: Partial<WizardForm>) => void;
  errors: FieldErrors;
  flavors: Flavor[];
  zones: AvailabilityZone[];
  versions: KafkaVersion[];
  flavor?: Flavor;
}
