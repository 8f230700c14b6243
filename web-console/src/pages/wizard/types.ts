import type { AvailabilityZone, Flavor, KafkaVersion } from '../../api/generated';
import type { FieldErrors, WizardForm } from '../../lib/validation';

export interface StepProps {
  form: WizardForm;
  set: (patch: Partial<WizardForm>) => void;
  errors: FieldErrors;
  flavors: Flavor[];
  zones: AvailabilityZone[];
  versions: KafkaVersion[];
  flavor?: Flavor;
}
