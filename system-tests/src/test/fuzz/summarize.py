"""Figures of a schemathesis run from its NDJSON report: requests sent, failures by check.

Usage: summarize.py REPORT.ndjson [--details]
Prints one line per figure; with --details one sample per (check, operation, status).
"""
import base64
import collections
import json
import sys


def main(path, details):
    requests = 0
    failures = collections.Counter()
    samples = {}
    errors = []
    for line in open(path, encoding="utf-8"):
        event = json.loads(line)
        if "NonFatalError" in event:
            e = event["NonFatalError"]
            errors.append(f"{e.get('label')}: {e.get('info', {}).get('message', e.get('value', {}))}"[:300])
            continue
        finished = event.get("ScenarioFinished")
        if not finished:
            continue
        recorder = finished["recorder"]
        interactions = recorder.get("interactions", {})
        requests += len(interactions)
        cases = recorder.get("cases", {})
        for case_id, checks in recorder.get("checks", {}).items():
            for check in checks:
                if check["status"] != "failure":
                    continue
                failures[check["name"]] += 1
                interaction = interactions.get(case_id) or {}
                response = interaction.get("response") or {}
                request = interaction.get("request") or {}
                key = (check["name"], recorder["label"], response.get("status_code"))
                if key not in samples:
                    body = response.get("content") or {}
                    text = base64.b64decode(body["$base64"]).decode("utf-8", "replace") if "$base64" in body else ""
                    samples[key] = (request.get("method"), request.get("uri"),
                                    (response.get("headers") or {}).get("content-type"), text[:300],
                                    check.get("failure_info", {}).get("failure", {}).get("message", "")[:300])
    print(f"schemathesis: {requests} requests, {sum(failures.values())} failed checks, {len(errors)} errors")
    for name, count in sorted(failures.items()):
        print(f"schemathesis: failed check {name}: {count}")
    for error in errors:
        print(f"schemathesis: error {error}")
    if details:
        for key, sample in sorted(samples.items(), key=str):
            print("---", key)
            for part in sample:
                print("   ", part)


if __name__ == "__main__":
    main(sys.argv[1], "--details" in sys.argv[2:])
