import { useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useAvailabilityZones, useFlavors, useKafkaVersions } from '../api/hooks/catalog';
import { useCreateInstance } from '../api/hooks/instances';
import { fieldErrorMap } from '../api/problem';
import { ProblemAlert } from '../components/ProblemAlert';
import { Loading } from '../components/EmptyState';
import { useToast } from '../components/Toasts';
import { brokerRange, toInstanceCreate, validateWizard, type WizardForm } from '../lib/instanceForm';
import type { FieldErrors } from '../lib/validation';
import type { AvailabilityZone, Flavor, KafkaVersion } from '../api/generated';
import { ClusterStep } from './wizard/ClusterStep';
import { SecurityStep } from './wizard/SecurityStep';
import { OptionsStep } from './wizard/OptionsStep';
import { ReviewStep } from './wizard/ReviewStep';
import { PriceBox } from './wizard/PriceBox';
import { STEPS, errorsOfStep, firstStepWithErrors, stepOfField } from './wizard/steps';

function initialForm(flavors: Flavor[], zones: AvailabilityZone[], versions: KafkaVersion[]): WizardForm {
  const flavor = flavors.find((f) => f.id === 'kafka.2u4g') ?? flavors[0];
  const [minBrokers] = brokerRange(flavor);
  return {
    name: '',
    description: '',
    flavor: flavor?.id ?? '',
    brokerCount: String(minBrokers),
    availabilityZones: zones.length >= 3 ? zones.slice(0, 3).map((z) => z.name) : zones.slice(0, 1).map((z) => z.name),
    storageGb: String(flavor?.minStorageGb ?? 100),
    kafkaVersion: (versions.find((v) => v.isDefault) ?? versions[0])?.version ?? '',
    // authenticated and encrypted unless the person picks otherwise
    protocol: 'SASL_SSL',
    saslMechanisms: ['SCRAM-SHA-512'],
    adminUsername: 'admin',
    adminPassword: '',
    allowedCidrs: '',
    retentionHours: '72',
    capacityPolicy: 'TIME_BASE',
    billingMode: 'PAY_PER_USE',
    periodMonths: '1',
    autoRenew: false,
    tags: [],
    autoCreateTopics: false,
    deletionProtection: false,
  };
}

export function CreateInstancePage() {
  const flavors = useFlavors();
  const zones = useAvailabilityZones();
  const versions = useKafkaVersions();
  const failed = flavors.error ?? zones.error ?? versions.error;

  return (
    <section aria-labelledby="wizard-title">
      <div className="page-head">
        <h1 id="wizard-title">Create a Kafka instance</h1>
      </div>
      {failed ? (
        <ProblemAlert
          error={failed}
          title="The catalog could not be loaded"
          onRetry={() => {
            flavors.refetch();
            zones.refetch();
            versions.refetch();
          }}
        />
      ) : flavors.data && zones.data && versions.data ? (
        <Wizard flavors={flavors.data} zones={zones.data} versions={versions.data} />
      ) : (
        <Loading label="Loading flavors, zones and versions…" />
      )}
    </section>
  );
}

function Wizard({ flavors, zones, versions }: { flavors: Flavor[]; zones: AvailabilityZone[]; versions: KafkaVersion[] }) {
  const { projectId = '' } = useParams();
  const navigate = useNavigate();
  const toast = useToast();
  const create = useCreateInstance(projectId);
  const [form, setForm] = useState(() => initialForm(flavors, zones, versions));
  const [step, setStep] = useState(0);
  const [checked, setChecked] = useState<boolean[]>([false, false, false, false]);
  const [serverErrors, setServerErrors] = useState<FieldErrors>({});
  const headingRef = useRef<HTMLHeadingElement>(null);
  const focusInvalid = useRef(false);

  const flavor = flavors.find((f) => f.id === form.flavor);
  const clientErrors = useMemo(
    () => validateWizard(form, { flavor, zones: zones.map((z) => z.name) }),
    [form, flavor, zones],
  );
  // client errors of a step show once the person tried to leave it; the server's always show
  const shown: FieldErrors = { ...serverErrors };
  for (const [field, message] of Object.entries(clientErrors)) {
    if (checked[stepOfField(field)] && !shown[field]) shown[field] = message;
  }

  const set = (patch: Partial<WizardForm>) => {
    setForm((f) => ({ ...f, ...patch }));
    // a changed field's server error is stale
    const keys = Object.keys(patch);
    setServerErrors((errs) =>
      Object.fromEntries(
        Object.entries(errs).filter(([field]) => !keys.some((k) => fieldMatches(field, k))),
      ),
    );
  };

  // focus: the first invalid control after a refused move, else the new step's heading
  const [focusTick, setFocusTick] = useState(0);
  const firstRender = useRef(true);
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (focusInvalid.current) {
      focusInvalid.current = false;
      const invalid = document.querySelector<HTMLElement>(
        '.wizard-body [aria-invalid="true"], .wizard-body fieldset.field-invalid input',
      );
      if (invalid) {
        invalid.focus();
        return;
      }
    }
    headingRef.current?.focus();
  }, [step, focusTick]);

  const showStep = (s: number, invalid: boolean) => {
    focusInvalid.current = invalid;
    setStep(s);
    setFocusTick((t) => t + 1);
  };

  /** Moves to `target`; going forward stops at the first step that still has an error. */
  const goTo = (target: number) => {
    if (target <= step) {
      showStep(target, false);
      return;
    }
    for (let s = 0; s < target; s++) {
      if (Object.keys(errorsOfStep(clientErrors, s)).length > 0) {
        setChecked((c) => c.map((v, i) => v || i <= s));
        showStep(s, true);
        return;
      }
    }
    setChecked((c) => c.map((v, i) => v || i < target));
    showStep(target, false);
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (step < STEPS.length - 1) {
      goTo(step + 1);
      return;
    }
    const errorStep = firstStepWithErrors(clientErrors);
    if (errorStep !== null) {
      setChecked([true, true, true, true]);
      showStep(errorStep, true);
      return;
    }
    create.mutate(toInstanceCreate(form), {
      onSuccess: (accepted) => {
        toast.success(`Creating ${accepted.instance.name}`, 'Follow its progress on the instance page.');
        navigate(`/projects/${projectId}/instances/${accepted.instance.id}?operation=${accepted.operation.id}`);
      },
      onError: (error) => {
        const fields = fieldErrorMap(error);
        setServerErrors(fields);
        const s = firstStepWithErrors(fields);
        if (s !== null && s < 3) showStep(s, true);
      },
    });
  };

  const props = { form, set, errors: shown, flavors, zones, versions, flavor };
  const unplaced = Object.entries(serverErrors).filter(([f]) => stepOfField(f) === 3);

  return (
    <form className="wizard" onSubmit={onSubmit} noValidate aria-label="Create instance">
      <ol className="stepper" aria-label="Steps">
        {STEPS.map((label, i) => {
          const hasErrors = Object.keys(errorsOfStep(shown, i)).length > 0;
          return (
            <li key={label}>
              <button
                type="button"
                className={`step${i === step ? ' current' : ''}${i < step ? ' done' : ''}${hasErrors ? ' has-errors' : ''}`}
                aria-current={i === step ? 'step' : undefined}
                onClick={() => goTo(i)}
              >
                <span className="step-number" aria-hidden="true">
                  {i + 1}
                </span>
                {label}
                {hasErrors && <span className="sr-only"> (has errors)</span>}
              </button>
            </li>
          );
        })}
      </ol>

      {create.error && (
        <ProblemAlert error={create.error} title="The instance could not be created" />
      )}
      {unplaced.length > 0 && (
        <ul className="alert alert-error">
          {unplaced.map(([f, m]) => (
            <li key={f}>
              <code>{f}</code>: {m}
            </li>
          ))}
        </ul>
      )}

      <div className="wizard-layout">
        <div className="wizard-body card">
          <h2 ref={headingRef} tabIndex={-1} className="step-title">
            Step {step + 1} of {STEPS.length}: {STEPS[step]}
          </h2>
          {step === 0 && <ClusterStep {...props} />}
          {step === 1 && <SecurityStep {...props} />}
          {step === 2 && <OptionsStep {...props} />}
          {step === 3 && <ReviewStep {...props} goTo={goTo} />}

          <div className="wizard-actions">
            <Link to={`/projects/${projectId}/instances`} className="button button-ghost">
              Cancel
            </Link>
            <span className="spacer" />
            {step > 0 && (
              <button type="button" className="button" onClick={() => goTo(step - 1)}>
                Back
              </button>
            )}
            {step < STEPS.length - 1 ? (
              <button type="submit" className="button button-primary">
                Next: {STEPS[step + 1]}
              </button>
            ) : (
              <button type="submit" className="button button-primary" disabled={create.isPending}>
                {create.isPending ? 'Creating…' : 'Create instance'}
              </button>
            )}
          </div>
        </div>
        <PriceBox flavor={flavor} brokerCount={form.brokerCount} storageGb={form.storageGb} />
      </div>
    </form>
  );
}

/** Does a server field path (`security.adminPassword`) belong to a form key (`adminPassword`)? */
function fieldMatches(field: string, formKey: string): boolean {
  const map: Record<string, string> = {
    protocol: 'security.protocol',
    saslMechanisms: 'security.saslMechanisms',
    adminUsername: 'security.adminUsername',
    adminPassword: 'security.adminPassword',
    allowedCidrs: 'network.allowedCidrs',
    retentionHours: 'retention.defaultHours',
    capacityPolicy: 'retention.capacityPolicy',
    billingMode: 'billing.mode',
    periodMonths: 'billing.periodMonths',
  };
  const path = map[formKey] ?? formKey;
  return field === path || field.startsWith(`${path}.`);
}
