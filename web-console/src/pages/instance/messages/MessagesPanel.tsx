import { useEffect, useState, type FormEvent } from 'react';
import type { Message, Topic } from '../../../api/generated';
import { useExportMessages } from '../../../api/hooks/messages';
import { isAborted } from '../../../api/problem';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { useToast } from '../../../components/Toasts';
import { formatCount } from '../../../lib/format';
import { buildExportQuery, buildMessageQuery, emptyQueryForm, toLocalDateTimeInput, type MessageQueryForm, type QueryMode } from '../../../lib/messageQuery';
import type { FieldErrors } from '../../../lib/validation';
import { MessageDrawer } from './MessageDrawer';
import { MessagesTable } from './MessagesTable';
import { ProduceDialog } from './ProduceDialog';
import { QueryForm } from './QueryForm';
import { QueryOutcome } from './QueryOutcome';
import { useMessageSearchRun } from './useMessageSearchRun';

/** A topic's messages: find them by offset, time, key or content, download them, produce a test message. */
export function MessagesPanel({ projectId, instanceId, topic }: { projectId: string; instanceId: string; topic: Topic }) {
  const search = useMessageSearchRun(projectId, instanceId, topic.name);
  const download = useExportMessages(projectId, instanceId, topic.name);
  const toast = useToast();
  const [form, setForm] = useState<MessageQueryForm>(() => emptyQueryForm());
  const [errors, setErrors] = useState<FieldErrors>({});
  const [selected, setSelected] = useState<Message | null>(null);
  const [producing, setProducing] = useState(false);
  const set = <K extends keyof MessageQueryForm>(key: K, value: MessageQueryForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const { cancel: cancelDownload } = download;
  // leaving the page ends a running download (the search hook ends a running scan)
  useEffect(() => () => cancelDownload(), [cancelDownload]);

  const switchMode = (mode: QueryMode) => {
    setForm((f) => ({
      ...f,
      mode,
      // a window by offset needs one partition; the other modes search all of them unless one is picked
      partition: mode === 'offset' ? f.partition || '0' : f.mode === 'offset' ? '' : f.partition,
      // a time search starts an hour ago unless a time was picked
      from: mode === 'time' && !f.from ? toLocalDateTimeInput(new Date(Date.now() - 3_600_000)) : f.from,
    }));
    setErrors({});
  };

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const built = buildMessageQuery(form, topic.partitions);
    setErrors(built.errors);
    if (!built.params) {
      window.setTimeout(() => document.querySelector<HTMLElement>('.query-form [aria-invalid="true"]')?.focus());
      return;
    }
    search.begin(built.params);
  };

  const onDownload = () => {
    const built = buildExportQuery(form, topic.name, topic.partitions);
    setErrors(built.errors);
    if (!built.params || !built.fileName) {
      window.setTimeout(() => document.querySelector<HTMLElement>('.query-form [aria-invalid="true"]')?.focus());
      return;
    }
    download.mutate(
      { params: built.params, fileName: built.fileName },
      {
        onSuccess: ({ fileName, lines }) =>
          toast.success('Download ready', `${formatCount(lines)} ${lines === 1 ? 'message' : 'messages'} saved as ${fileName}.`),
      },
    );
  };

  return (
    <section aria-labelledby="messages-title" className="messages">
      <div className="section-head">
        <h3 id="messages-title">Find messages</h3>
        <button type="button" className="button" onClick={() => setProducing(true)}>
          Produce a test message…
        </button>
      </div>

      <QueryForm
        topic={topic}
        form={form}
        errors={errors}
        set={set}
        switchMode={switchMode}
        onSubmit={onSubmit}
        searching={search.running}
        stopping={search.stopping}
        onStop={search.stop}
        downloading={download.isPending}
        onDownload={onDownload}
        onCancelDownload={download.cancel}
      />

      {download.isPending && (
        <p className="download-status loading" role="status">
          <span className="spinner" aria-hidden="true" /> Downloading…{' '}
          {download.progress && download.progress.lines > 0 && `${formatCount(download.progress.lines)} messages received`}
        </p>
      )}
      {!download.isPending && download.error && !isAborted(download.error) && <ProblemAlert error={download.error} title="The download failed" />}

      <QueryOutcome search={search} />

      {search.run && (search.run.messages.length > 0 || !search.running) && <MessagesTable run={search.run} onView={setSelected} />}

      {selected && <MessageDrawer message={selected} topic={topic.name} onClose={() => setSelected(null)} />}
      {producing && <ProduceDialog projectId={projectId} instanceId={instanceId} topic={topic} onClose={() => setProducing(false)} />}
    </section>
  );
}
