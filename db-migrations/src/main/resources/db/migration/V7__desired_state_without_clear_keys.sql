-- Desired states no longer hold a broker's private key in clear: the stored document carries the key sealed
-- (tls.sealedPrivateKey, the same AES-GCM text as brokers.tls_key_enc) and the control plane unseals it only
-- in its answer to the host's agent. Earlier rows get the broker's sealed key in place of the clear one.
UPDATE hosts h
SET desired_state = jsonb_set(h.desired_state::jsonb #- '{tls,privateKey}', '{tls,sealedPrivateKey}',
                              to_jsonb(b.tls_key_enc))::text
FROM brokers b
WHERE b.instance_id = h.instance_id
  AND b.node_id = h.node_id
  AND b.tls_key_enc IS NOT NULL
  AND h.desired_state IS NOT NULL
  AND h.desired_state::jsonb -> 'tls' ->> 'privateKey' IS NOT NULL;

-- Whatever is left (a host whose broker is gone) keeps no key at all.
UPDATE hosts
SET desired_state = (desired_state::jsonb #- '{tls,privateKey}')::text
WHERE desired_state IS NOT NULL
  AND desired_state::jsonb -> 'tls' ->> 'privateKey' IS NOT NULL;
