#!/usr/bin/env python3
"""Writes src/main/resources/api/openapi.json (the OpenAPI 3.1 document served at /api/openapi.json).
Edit this file, run it, commit both. OpenApiDocumentTests checks that every /api route is documented."""
import json, os

def ref(name): return {"$ref": "#/components/schemas/" + name}
def problem(desc): return {"description": desc, "content": {"application/problem+json": {"schema": ref("Problem")}}}
def js(schema, desc="OK"): return {"description": desc, "content": {"application/json": {"schema": schema}}}
text = {"type": "object", "required": ["zh", "en"], "properties": {"zh": {"type": "string"}, "en": {"type": "string"}}}
E = {
    "400": problem("Malformed JSON or a bad query parameter; `errors[].pointer` (or `parameter`) names it"),
    "401": problem("Missing, unknown or revoked token, and no session"),
    "403": problem("The role may not do this"),
    "413": problem("Body over 1 MB"),
    "415": problem("Body is not application/json"),
    "422": problem("Valid JSON that breaks the scenario contract; `errors[]` lists every problem with its JSON pointer, line and column"),
    "404": problem("No such resource"),
}
def errs(*codes): return {c: E[c] for c in codes}
page_params = [
    {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 0, "default": 0}},
    {"name": "size", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 200, "default": 20}},
]
doc = {
  "openapi": "3.1.0",
  "info": {"title": "Outbound API", "version": "1",
    "description": "Which legal mechanism a data export from China needs (Tianjin FTZ negative list 2024 and the national 2024 Provisions), and why.\n\n"
      "Authenticate with `Authorization: Bearer obt_…` (a token from `./outbound users add NAME --role ROLE` or `POST /api/v1/users`). "
      "Roles: VIEWER reads; ANALYST also creates decisions and assessments; ADMIN also manages users and reads the audit log.\n\n"
      "Errors are RFC 9457 `application/problem+json` documents; `type` is `urn:outbound:problem:<name>`."},
  "servers": [{"url": "/"}],
  "security": [{"bearer": []}],
  "tags": [{"name": "decisions"}, {"name": "assessments"}, {"name": "rule packs"}, {"name": "users"}, {"name": "audit"}, {"name": "ledger"}, {"name": "scans"}, {"name": "system"}],
  "paths": {
    "/api/v1/decisions": {"post": {"tags": ["decisions"], "summary": "Decide a scenario (nothing is stored)", "operationId": "decide",
        "description": "Role: ANALYST. The body is a scenario (spec outbound/scenario/v1); the answer is its decision (outbound/decision/v1).",
        "requestBody": {"required": True, "content": {"application/json": {"schema": ref("Scenario")}}},
        "responses": {"200": js(ref("Decision"), "The decision"), **errs("400", "401", "403", "413", "415", "422")}}},
    "/api/v1/ledger/{processor}/status": {"get": {"tags": ["ledger"], "summary": "A processor's ledger for a year: counted and exempt persons, headroom, alerts, months", "operationId": "ledgerStatus",
        "description": "Role: VIEWER. Up to today for the current year, up to 31 December for a past one. The same document as `outbound ledger status --format json`.",
        "parameters": [{"name": "processor", "in": "path", "required": True, "schema": {"type": "string", "maxLength": 200}},
                       {"name": "year", "in": "query", "schema": {"type": "integer", "minimum": 2000, "maximum": 2999}, "description": "default: this year (Asia/Shanghai)"}],
        "responses": {"200": js({"type": "object"}, "The status"), **errs("400", "401", "403")}}},
    "/api/v1/ledger/{processor}/events": {"post": {"tags": ["ledger"], "summary": "Record an export event: the persons of one file (streamed)", "operationId": "recordLedgerEvent",
        "description": "Role: ANALYST. The body is the file itself (CSV/TSV in UTF-8 or GBK, or JSON Lines), read as a stream; no 1 MB limit (`outbound.ledger.max-upload-bytes`, 4 GB by default). "
          "Idempotent by `eventKey`: the same event again is 200 and changes nothing; another event under a used key is 409. "
          "Rows without a valid identifier make it 422 (`errors[]` gives row numbers and masked values) and record nothing, unless `skipInvalid=true`.",
        "parameters": [{"name": "processor", "in": "path", "required": True, "schema": {"type": "string", "maxLength": 200}},
                       {"name": "date", "in": "query", "required": True, "schema": {"type": "string", "format": "date"}, "description": "the export's date (Asia/Shanghai)"},
                       {"name": "eventKey", "in": "query", "required": True, "schema": {"type": "string", "maxLength": 200}},
                       {"name": "column", "in": "query", "required": True, "schema": {"type": "string"}, "description": "header name or 1-based number of the identifier column"},
                       {"name": "basis", "in": "query", "schema": {"type": "string", "enum": ["NONE", "CONTRACT", "HR", "EMERGENCY", "FOREIGN_ORIGIN"], "default": "NONE"}},
                       {"name": "sensitive", "in": "query", "schema": {"type": "boolean", "default": False}},
                       {"name": "recipient", "in": "query", "schema": {"type": "string", "maxLength": 200}},
                       {"name": "skipInvalid", "in": "query", "schema": {"type": "boolean", "default": False}}],
        "requestBody": {"required": True, "content": {"text/csv": {"schema": {"type": "string"}}, "application/x-ndjson": {"schema": {"type": "string"}}}},
        "responses": {"201": js({"type": "object"}, "Recorded"), "200": js({"type": "object"}, "Already recorded under this key: nothing changed"),
                      **errs("400", "401", "403"), "409": problem("The event key is used by a different event"),
                      "413": problem("Body over outbound.ledger.max-upload-bytes"), "415": problem("Body is not CSV or JSON Lines"),
                      "422": problem("Rows without a valid identifier (`errors[]`: row, masked value) or an unknown column; nothing was recorded")}}},
    "/api/v1/scans": {"post": {"tags": ["scans"], "summary": "Scan a table for personal information: types per column, exact person counts, suggested list items, a draft scenario", "operationId": "scan",
        "description": "Role: ANALYST. The table (CSV/TSV in UTF-8 or GBK, JSON Lines, or .xlsx) as `multipart/form-data` in the field `file` (options as fields before it, or in the query), "
          "or as the raw body with `fileName` or `format` in the query telling its format (a body that starts as a ZIP is read as .xlsx). The upload is streamed to a temporary file "
          "(never held in memory), limited by `outbound.scan.max-upload` (200 MB by default), and deleted when the scan ends, also on error. "
          "The answer is the scan report of spec/scan-v1.md, the same as `outbound scan --format json`: masked samples only, never a raw identifier. Nothing is stored; the scan is audited (`DATASET_SCANNED`).",
        "parameters": [{"name": "fileName", "in": "query", "schema": {"type": "string", "maxLength": 200}, "description": "the file's name; its extension tells the format; the report's `source`"},
                       {"name": "format", "in": "query", "schema": {"type": "string", "enum": ["csv", "tsv", "txt", "jsonl", "json", "xlsx"]}, "description": "overrides the extension"},
                       {"name": "asOf", "in": "query", "schema": {"type": "string", "format": "date"}, "description": "reference date for minors and the draft scenario (default today)"},
                       {"name": "standard", "in": "query", "schema": {"type": "string", "enum": ["PIPL", "GB_T_35273", "TC260"], "default": "PIPL"}, "description": "which types are sensitive (docs/sensitivity.md)"},
                       {"name": "description", "in": "query", "schema": {"type": "string", "maxLength": 1000}, "description": "what the data is; feeds the item suggestions"},
                       {"name": "idColumn", "in": "query", "schema": {"type": "string"}, "description": "identifier column(s) for counting persons, comma-separated or repeated, in priority order"}],
        "requestBody": {"required": True, "content": {
            "multipart/form-data": {"schema": {"type": "object", "required": ["file"], "properties": {"file": {"type": "string", "format": "binary"}, "asOf": {"type": "string", "format": "date"},
                "standard": {"type": "string"}, "description": {"type": "string"}, "idColumn": {"type": "string"}, "format": {"type": "string"}}}},
            "text/csv": {"schema": {"type": "string"}}, "application/x-ndjson": {"schema": {"type": "string"}},
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": {"schema": {"type": "string", "format": "binary"}},
            "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}}},
        "responses": {"200": js(ref("ScanReport"), "The scan report (spec/scan-v1.md)"),
                      "400": problem("A bad option (`errors[].parameter`: asOf, standard, format, description) or a multipart body without `file`"),
                      **errs("401", "403"), "408": problem("The upload did not arrive within `outbound.scan.upload-timeout`"),
                      "413": problem("The file is larger than `outbound.scan.max-upload`; nothing was kept"),
                      "422": problem("Not a table (binary, empty, a legacy .xls, a JSON array; `errors[].parameter` names `file` or `body`), or an `idColumn` the table does not have"),
                      "503": problem("`outbound.scan.concurrent` scans are running; try again")}}},
    "/api/v1/assessments": {
      "post": {"tags": ["assessments"], "summary": "Decide a scenario and store scenario, decision, rule-pack edition, who and when", "operationId": "createAssessment",
        "description": "Role: ANALYST. The body is a scenario, or `{\"title\": …, \"scenario\": {…}}`. With an `Idempotency-Key`, a repeated POST returns the first result (200, `Idempotent-Replayed: true`); the same key with another body is 422.",
        "parameters": [{"name": "Idempotency-Key", "in": "header", "schema": {"type": "string", "maxLength": 200}},
                       {"name": "title", "in": "query", "schema": {"type": "string", "maxLength": 200}}],
        "requestBody": {"required": True, "content": {"application/json": {"schema": {"oneOf": [ref("Scenario"), {"type": "object", "required": ["scenario"], "properties": {"title": {"type": "string"}, "scenario": ref("Scenario")}}]}}}},
        "responses": {"201": js(ref("Assessment"), "Stored; Location names it"), "200": js(ref("Assessment"), "A replay of an earlier request with this Idempotency-Key"), **errs("400", "401", "403", "413", "415", "422")}},
      "get": {"tags": ["assessments"], "summary": "List stored assessments, newest first", "operationId": "listAssessments",
        "description": "Role: VIEWER.",
        "parameters": [{"name": "outcome", "in": "query", "schema": {"type": "string", "enum": ["SEPARATE_REGIME", "SECURITY_ASSESSMENT", "STANDARD_CONTRACT_OR_CERTIFICATION", "EXEMPT"]}},
                       {"name": "processor", "in": "query", "description": "processor id (exact) or part of its name", "schema": {"type": "string"}},
                       {"name": "from", "in": "query", "description": "created on or after (YYYY-MM-DD)", "schema": {"type": "string", "format": "date"}},
                       {"name": "to", "in": "query", "description": "created on or before (YYYY-MM-DD)", "schema": {"type": "string", "format": "date"}}] + page_params,
        "responses": {"200": js({"type": "object", "properties": {"items": {"type": "array", "items": ref("AssessmentSummary")}, "page": {"type": "integer"}, "size": {"type": "integer"}, "total": {"type": "integer"}}}), **errs("400", "401", "403")}}},
    "/api/v1/assessments/{id}": {"get": {"tags": ["assessments"], "summary": "One stored assessment with its scenario and decision", "operationId": "getAssessment",
        "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}],
        "responses": {"200": js(ref("Assessment")), **errs("400", "401", "403", "404")}}},
    "/api/v1/rule-packs": {"get": {"tags": ["rule packs"], "summary": "Every rule-pack edition loaded", "operationId": "listRulePacks",
        "responses": {"200": js({"type": "array", "items": ref("RulePackSummary")}), **errs("401", "403")}},
      "post": {"tags": ["rule packs"], "summary": "Check and publish a new edition (ADMIN)", "operationId": "publishRulePack",
        "description": "The body is a rule-pack file (YAML, docs/rule-packs.md). It is checked as the shipped packs are (schema, semantic checks, references, no overlap with other editions of the pack); every problem comes back with its pointer, line and column. With `dryRun=true` nothing is stored. A published edition governs decisions from its `inForceFrom` date on.",
        "parameters": [{"name": "dryRun", "in": "query", "schema": {"type": "boolean", "default": False}}, {"name": "fileName", "in": "query", "schema": {"type": "string"}}],
        "requestBody": {"required": True, "content": {"application/yaml": {"schema": {"type": "string"}}}},
        "responses": {"201": js(ref("RulePackSummary"), "Published"), "200": js({"type": "object", "properties": {"valid": {"type": "boolean"}, "editions": {"type": "array", "items": {"type": "string"}}}}, "dryRun: it would be accepted"),
                      "409": problem("That edition exists already"), **errs("401", "403", "413", "415", "422")}}},
    "/api/v1/rule-packs/{id}/{edition}": {"get": {"tags": ["rule packs"], "summary": "One edition in full: sections, categories, facts, items, provisions, PI bands", "operationId": "getRulePack",
        "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}, "example": "tianjin-ftz"},
                       {"name": "edition", "in": "path", "required": True, "schema": {"type": "string"}, "example": "2024"}],
        "responses": {"200": js({"type": "object"}), **errs("401", "403", "404")}},
      "delete": {"tags": ["rule packs"], "summary": "Withdraw a published edition (ADMIN); shipped editions stay", "operationId": "withdrawRulePack",
        "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}}, {"name": "edition", "in": "path", "required": True, "schema": {"type": "string"}}],
        "responses": {"204": {"description": "Withdrawn"}, "409": problem("A shipped edition"), **errs("401", "403", "404")}}},
    "/api/v1/rule-packs/{id}/{edition}/items/{n}": {"get": {"tags": ["rule packs"], "summary": "One list item with its facts and conditions", "operationId": "getRulePackItem",
        "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "string"}},
                       {"name": "edition", "in": "path", "required": True, "schema": {"type": "string"}},
                       {"name": "n", "in": "path", "required": True, "schema": {"type": "integer"}}],
        "responses": {"200": js({"type": "object"}), **errs("400", "401", "403", "404")}}},
    "/api/v1/users": {
      "get": {"tags": ["users"], "summary": "List users (ADMIN)", "operationId": "listUsers", "responses": {"200": js({"type": "array", "items": ref("User")}), **errs("401", "403")}},
      "post": {"tags": ["users"], "summary": "Create a user with a first API token (ADMIN); token and generated password are shown once", "operationId": "createUser",
        "requestBody": {"required": True, "content": {"application/json": {"schema": {"type": "object", "required": ["username"], "properties": {"username": {"type": "string"}, "role": {"type": "string", "enum": ["ADMIN", "ANALYST", "VIEWER"]}, "password": {"type": "string", "minLength": 12}}}}}},
        "responses": {"201": js({"allOf": [ref("User"), {"type": "object", "properties": {"token": {"type": "string"}, "password": {"type": "string"}}}]}), "409": problem("The name is taken"), **errs("400", "401", "403", "422")}}},
    "/api/v1/users/{username}": {"patch": {"tags": ["users"], "summary": "Change role, enable/disable, set password (ADMIN)", "operationId": "updateUser",
        "parameters": [{"name": "username", "in": "path", "required": True, "schema": {"type": "string"}}],
        "requestBody": {"required": True, "content": {"application/json": {"schema": {"type": "object", "properties": {"role": {"type": "string"}, "enabled": {"type": "boolean"}, "password": {"type": "string"}}}}}},
        "responses": {"200": js(ref("User")), **errs("400", "401", "403", "404", "422")}}},
    "/api/v1/users/{username}/tokens": {
      "post": {"tags": ["users"], "summary": "Issue another API token (ADMIN)", "operationId": "issueToken",
        "parameters": [{"name": "username", "in": "path", "required": True, "schema": {"type": "string"}}],
        "responses": {"201": js({"type": "object", "properties": {"username": {"type": "string"}, "token": {"type": "string"}}}), **errs("401", "403", "404")}},
      "delete": {"tags": ["users"], "summary": "Revoke every token of a user (ADMIN)", "operationId": "revokeTokens",
        "parameters": [{"name": "username", "in": "path", "required": True, "schema": {"type": "string"}}],
        "responses": {"200": js({"type": "object", "properties": {"username": {"type": "string"}, "revoked": {"type": "integer"}}}), **errs("401", "403", "404")}}},
    "/api/v1/audit": {"get": {"tags": ["audit"], "summary": "The append-only audit log, newest first (ADMIN)", "operationId": "listAudit",
        "parameters": [{"name": "action", "in": "query", "schema": {"type": "string"}, "example": "ASSESSMENT_CREATED"},
                       {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 0}}, {"name": "size", "in": "query", "schema": {"type": "integer", "minimum": 1, "maximum": 500}}],
        "responses": {"200": js({"type": "object", "properties": {"items": {"type": "array", "items": ref("AuditEvent")}, "page": {"type": "integer"}, "size": {"type": "integer"}, "total": {"type": "integer"}}}), **errs("400", "401", "403")}}},
    "/api/v1/audit/verify": {"get": {"tags": ["audit"], "summary": "Check the audit log's hash chain (ADMIN)", "operationId": "verifyAudit",
        "description": "Walks the chain from its first entry. Deleting the last entries and moving the head back leaves a shorter chain that is intact; "
          "to detect that, keep `headHash` elsewhere from time to time and pass it as `head`: the answer is `intact: false`, with `keptHead.found: false` "
          "and a problem, unless the intact chain still reaches that hash.",
        "parameters": [{"name": "head", "in": "query", "required": False, "description": "A head hash kept elsewhere earlier: 64 hexadecimal digits. Anything else is a 400 naming `head`.",
                        "schema": {"type": "string", "pattern": "^[0-9a-fA-F]{64}$"}}],
        "responses": {"200": js({"type": "object", "properties": {"intact": {"type": "boolean", "description": "No problem found (and the kept head reached, when `head` was given)"},
            "entries": {"type": "integer"}, "headHash": {"type": "string", "description": "The hash of the last entry (64 zeros for an empty log): the value to keep"},
            "headAt": {"type": ["string", "null"], "format": "date-time", "description": "The time of the last entry"},
            "keptHead": {"type": "object", "description": "Only when `head` was given", "properties": {"hash": {"type": "string"}, "found": {"type": "boolean"},
                "seq": {"type": ["integer", "null"], "description": "The entry whose hash it is (0 for the empty log's)"}, "at": {"type": ["string", "null"], "format": "date-time"}}},
            "problems": {"type": "array", "items": {"type": "string"}}}}), **errs("400", "401", "403")}}},
    "/api/health": {"get": {"tags": ["system"], "summary": "Health check (public; also at /health)", "operationId": "health", "security": [],
        "responses": {"200": js({"type": "object", "properties": {"status": {"type": "string"}, "database": {"type": "string"}}}), "503": js({"type": "object"}, "The database does not answer")}}},
    "/api/openapi.json": {"get": {"tags": ["system"], "summary": "This document (public)", "operationId": "openApi", "security": [], "responses": {"200": js({"type": "object"})}}},
    "/api/docs": {"get": {"tags": ["system"], "summary": "Interactive page for this document (public)", "operationId": "docs", "security": [], "responses": {"200": {"description": "HTML", "content": {"text/html": {}}}}}},
  },
  "components": {
    "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer", "description": "obt_… token"}, "session": {"type": "apiKey", "in": "cookie", "name": "JSESSIONID", "description": "Browser session after signing in at /login; writes also need the X-CSRF-TOKEN header"}},
    "schemas": {
      "Text": text,
      "Problem": {"type": "object", "description": "RFC 9457", "required": ["type", "title", "status"], "properties": {
          "type": {"type": "string", "example": "urn:outbound:problem:invalid-scenario"}, "title": {"type": "string"}, "status": {"type": "integer"},
          "detail": {"type": "string"}, "instance": {"type": "string"},
          "errors": {"type": "array", "items": {"type": "object", "properties": {"pointer": {"type": "string", "description": "JSON pointer into the body"}, "line": {"type": "integer"}, "column": {"type": "integer"}, "parameter": {"type": "string"}, "header": {"type": "string"},
              "code": {"type": "string", "description": "Stable code of a document problem (e.g. unknown-fact, below-minimum, required); docs/server.md lists them", "example": "unknown-fact-for-item"},
              "message": {"type": "string", "description": "What is wrong and what is allowed: Chinese when Accept-Language prefers zh to en, otherwise English"}}}}}},
      "Scenario": {"type": "object", "description": "spec outbound/scenario/v1", "required": ["schema", "jurisdiction", "date", "processor"], "additionalProperties": False, "properties": {
          "schema": {"const": "outbound/scenario/v1"}, "jurisdiction": {"type": "string", "enum": ["tianjin-ftz", "cn-national"]}, "date": {"type": "string", "format": "date"},
          "processor": {"type": "object", "required": ["ciio"], "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "ciio": {"type": "boolean"}}},
          "recipient": {"type": "object", "properties": {"name": {"type": "string"}, "country": {"type": "string"}}},
          "data": {"type": "array", "items": {"type": "object", "required": ["item"], "properties": {"item": {"type": "integer", "minimum": 1, "maximum": 43}, "description": {"type": "string"}, "facts": {"type": "object", "additionalProperties": {"type": ["boolean", "number", "string"]}}}}},
          "personalInformation": {"type": "array", "items": {"type": "object", "properties": {"individuals": {"type": "integer", "minimum": 0}, "sensitiveIndividuals": {"type": "integer", "minimum": 0}, "basis": {"type": "string", "enum": ["NONE", "CONTRACT", "HR", "EMERGENCY", "FOREIGN_ORIGIN"]}}}},
          "priorThisYear": {"type": "object", "properties": {"individuals": {"type": "integer", "minimum": 0}, "sensitiveIndividuals": {"type": "integer", "minimum": 0}}},
          "flags": {"type": "object", "properties": {k: {"type": "boolean"} for k in ["stateSecrets", "coreData", "governmentData", "notifiedImportantData"]}}},
        "example": {"schema": "outbound/scenario/v1", "jurisdiction": "tianjin-ftz", "date": "2026-03-15", "processor": {"name": "示例银行（天津）", "ciio": False},
                    "data": [{"item": 20, "facts": {"affectedCustomers": 1200000}}], "personalInformation": [{"individuals": 150000, "basis": "NONE"}]}},
      "Decision": {"type": "object", "description": "spec outbound/decision/v1", "required": ["schema", "outcome", "items", "rulePack"], "properties": {
          "schema": {"const": "outbound/decision/v1"}, "outcome": {"type": "string", "enum": ["SEPARATE_REGIME", "SECURITY_ASSESSMENT", "STANDARD_CONTRACT_OR_CERTIFICATION", "EXEMPT"]},
          "outcomeLabel": ref("Text"), "items": {"type": "array", "items": {"type": "integer"}}, "rulePack": {"type": "object"}, "cumulative": {"type": "object"},
          "findings": {"type": "array", "items": {"type": "object"}}, "exemptions": {"type": "array", "items": {"type": "object"}}, "obligations": {"type": "array", "items": {"type": "object"}},
          "headroom": {"type": "object", "description": "per class: cumulative, band, nextAt, nextMechanism, nextRule, remaining"}, "notes": {"type": "array", "items": ref("Text")}}},
      "AssessmentSummary": {"type": "object", "properties": {"id": {"type": "integer"}, "createdAt": {"type": "string", "format": "date-time"}, "createdBy": {"type": "string"}, "title": {"type": ["string", "null"]},
          "processor": {"type": "object", "properties": {"id": {"type": ["string", "null"]}, "name": {"type": ["string", "null"]}}}, "jurisdiction": {"type": "string"}, "date": {"type": "string", "format": "date"},
          "outcome": {"type": "string"}, "items": {"type": "array", "items": {"type": "integer"}}, "rulePack": {"type": "object", "properties": {"id": {"type": "string"}, "edition": {"type": "string"}, "contentHash": {"type": "string"}}}}},
      "Assessment": {"allOf": [ref("AssessmentSummary"), {"type": "object", "properties": {"scenario": ref("Scenario"), "decision": ref("Decision")}}]},
      "RulePackSummary": {"type": "object", "properties": {"id": {"type": "string"}, "edition": {"type": "string"}, "inForceFrom": {"type": "string", "format": "date"}, "inForceUntil": {"type": ["string", "null"]}, "inForceToday": {"type": "boolean"}, "title": ref("Text"), "issuer": ref("Text"), "listItems": {"type": "boolean"}, "itemCount": {"type": "integer"}, "contentHash": {"type": "string"}}},
      "ScanReport": {"type": "object", "description": "spec outbound/scan/v1", "required": ["schema", "source", "rows", "columns", "persons", "suggestedItems", "scenario"], "properties": {
          "schema": {"const": "outbound/scan/v1"}, "source": {"type": "string"}, "rows": {"type": "integer"},
          "columns": {"type": "array", "items": {"type": "object", "properties": {"name": {"type": "string"}, "types": {"type": "array", "items": {"type": "string"}}, "sensitive": {"type": "boolean"},
              "matched": {"type": "integer"}, "nonEmpty": {"type": "integer"}, "sample": {"type": "array", "items": {"type": "string"}, "description": "masked values only"}, "findings": {"type": "array", "items": {"type": "object"}},
              "attributes": {"type": "array", "description": "sensitive information the header names and the values bear out though no identifier carries it (FINANCIAL_ACCOUNT: balances, deposits, credit, income); docs/sensitivity.md", "items": {"type": "object", "properties": {"attribute": {"type": "string", "enum": ["FINANCIAL_ACCOUNT"]}, "name": {"$ref": "#/components/schemas/Text"}, "sensitive": {"type": "boolean"}, "basis": {"$ref": "#/components/schemas/Text"}}}}}}},
          "persons": {"type": "object", "properties": {"identifierColumns": {"type": "array", "items": {"type": "string"}}, "distinct": {"type": "integer"}, "minors": {"type": "integer"},
              "individuals": {"type": "integer"}, "sensitiveIndividuals": {"type": "integer"}, "rowsWithoutIdentifier": {"type": "integer"}, "how": {"type": "string"}}},
          "suggestedItems": {"type": "array", "items": {"type": "object", "properties": {"item": {"type": "integer"}, "because": ref("Text"), "confidence": {"type": "string"}, "status": {"type": "string"}, "evidence": {"type": "array", "items": {"type": "object"}}}}},
          "scenario": ref("Scenario"), "details": {"type": "object"}}},
      "User": {"type": "object", "properties": {"username": {"type": "string"}, "role": {"type": "string"}, "enabled": {"type": "boolean"}, "createdAt": {"type": "string", "format": "date-time"}}},
      "AuditEvent": {"type": "object", "properties": {"seq": {"type": "integer"}, "at": {"type": "string", "format": "date-time"}, "actor": {"type": "string"}, "action": {"type": "string"}, "target": {"type": "string"}, "remote": {"type": "string"}, "details": {"type": "string"}, "hash": {"type": "string"}}},
    }},
}

# ---- issue #14: the life of a filing and its deadlines (cn.outbound.app.filing); docs/filing-life.md
doc["tags"].append({"name": "filings"})
filing_id = {"name": "id", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 1}}
filing_refused = {"404": problem("No such filing (or, on create, no such assessment)"),
                  "409": problem("Refused by the filing's state: `detail` names the state and the allowed next ones (`errors[].code`: transition-refused, already-open, nothing-to-file)"),
                  "422": problem("A bad field (`errors[].field`: to, date, number, scale, recipients; `code`; `message` in the Accept-Language)")}
doc["paths"].update({
    "/api/v1/filings": {
        "post": {"tags": ["filings"], "summary": "Open a filing (DRAFT) for a stored assessment", "operationId": "createFiling",
            "description": "Role: ANALYST. The assessment's outcome must be SECURITY_ASSESSMENT or STANDARD_CONTRACT_OR_CERTIFICATION; an assessment has one filing at a time unless it was rejected or withdrawn. Audited (`FILING_CREATE`).",
            "requestBody": {"required": True, "content": {"application/json": {"schema": {"type": "object", "required": ["assessment"], "additionalProperties": False, "properties": {"assessment": {"type": "integer", "minimum": 1}}}}}},
            "responses": {"201": js(ref("Filing"), "The new filing (Location: /api/v1/filings/{id})"), **errs("400", "401", "403", "415"), **filing_refused}},
        "get": {"tags": ["filings"], "summary": "Filings, newest first (at most 500)", "operationId": "listFilings",
            "description": "Role: VIEWER.",
            "parameters": [{"name": "assessment", "in": "query", "schema": {"type": "integer"}}, {"name": "processor", "in": "query", "schema": {"type": "string"}}],
            "responses": {"200": js({"type": "object", "properties": {"items": {"type": "array", "items": ref("Filing")}, "max": {"type": "integer"}}}), **errs("400", "401", "403")}}},
    "/api/v1/filings/{id}": {"get": {"tags": ["filings"], "summary": "A filing: state, steps, allowed next states, open deadlines", "operationId": "getFiling",
        "description": "Role: VIEWER. The same document as `outbound filing status ID --format json`.",
        "parameters": [filing_id], "responses": {"200": js(ref("Filing")), **errs("400", "401", "403", "404")}}},
    "/api/v1/filings/{id}/transitions": {"post": {"tags": ["filings"], "summary": "Move a filing to its next state on the day it happened", "operationId": "advanceFiling",
        "description": "Role: ANALYST. Security assessment: DRAFT → SUBMITTED → ACCEPTED → APPROVED | REJECTED | WITHDRAWN; standard contract: DRAFT → CONTRACT_EFFECTIVE → FILED | WITHDRAWN. "
          "`date` is not after today (Asia/Shanghai) nor before the previous step's; FILED needs `number`; APPROVED needs `scale` (persons of at least one class and 1 to 20 recipients). Audited (`FILING_TRANSITION`).",
        "parameters": [filing_id],
        "requestBody": {"required": True, "content": {"application/json": {"schema": {"type": "object", "required": ["to", "date"], "additionalProperties": False, "properties": {
            "to": {"type": "string", "enum": ["SUBMITTED", "ACCEPTED", "APPROVED", "REJECTED", "WITHDRAWN", "CONTRACT_EFFECTIVE", "FILED"]},
            "date": {"type": "string", "format": "date"}, "number": {"type": "string", "maxLength": 100},
            "scale": {"type": "object", "properties": {"individuals": {"type": "integer", "minimum": 0}, "sensitiveIndividuals": {"type": "integer", "minimum": 0},
                "recipients": {"type": "array", "items": {"type": "string", "maxLength": 200}, "minItems": 1, "maxItems": 20}}}}}}}},
        "responses": {"200": js(ref("Filing"), "The filing after the move"), **errs("400", "401", "403", "415"), **filing_refused}}},
    "/api/v1/filings/{id}/extension": {"get": {"tags": ["filings"], "summary": "The growth figure of an approval's extension form: this year's persons in the ledger against the approved scale", "operationId": "filingExtension",
        "description": "Role: VIEWER. Per class: the approved persons, this year's de-duplicated persons of the processor in the ledger, and the growth in percent (null for a class not approved).",
        "parameters": [filing_id], "responses": {"200": js({"type": "object", "properties": {"filing": {"type": "integer"}, "asOf": {"type": "string", "format": "date"}, "approved": {"type": "object"}, "thisYear": {"type": "object"}, "growthPercent": {"type": "object"}}}),
            **errs("401", "403", "404"), "409": problem("The filing is not approved (no scale to grow from)")}}},
    "/api/v1/deadlines": {"get": {"tags": ["filings"], "summary": "Every open deadline across filings, soonest first", "operationId": "openDeadlines",
        "description": "Role: VIEWER. The same as `outbound filing deadlines --format json`; as iCalendar at `/deadlines.ics` (a session or a bearer token; `?lang=en`).",
        "responses": {"200": js(ref("OpenDeadlines")), **errs("401", "403")}}},
})
deadline = {"type": "object", "properties": {"uid": {"type": "string", "description": "stable: filing-ID-RULE@outbound"}, "filing": {"type": "integer"}, "assessment": {"type": "integer"},
    "processor": {"type": ["string", "null"]}, "state": {"type": "string"}, "id": {"type": "string", "description": "the deadline rule (deadlines.yaml)"}, "obligation": {"type": "string"},
    "title": ref("Text"), "marks": ref("Text"), "date": {"type": "string", "format": "date"}, "window": {"type": "object"}, "due": {"type": "string", "format": "date"},
    "overdue": {"type": "boolean"}, "daysLeft": {"type": "integer"}, "provisional": {"type": "boolean"}, "anchor": {"type": "object"}, "period": ref("Text"),
    "citation": {"type": "object"}, "explanation": ref("Text")}}
doc["components"]["schemas"]["Filing"] = {"type": "object", "description": "outbound/filing/v1", "properties": {"schema": {"const": "outbound/filing/v1"}, "id": {"type": "integer"},
    "assessment": {"type": "integer"}, "processor": {"type": ["string", "null"]}, "mechanism": {"type": "string"}, "mechanismLabel": ref("Text"), "state": {"type": "string"}, "stateLabel": ref("Text"),
    "next": {"type": "array", "items": {"type": "string"}}, "number": {"type": ["string", "null"]}, "approvedScale": {"type": "object"}, "validUntil": {"type": ["string", "null"], "format": "date"},
    "createdAt": {"type": "string", "format": "date-time"}, "createdBy": {"type": "string"}, "steps": {"type": "array", "items": {"type": "object"}}, "deadlines": {"type": "array", "items": deadline}}}
doc["components"]["schemas"]["OpenDeadlines"] = {"type": "object", "description": "outbound/open-deadlines/v1", "properties": {"schema": {"const": "outbound/open-deadlines/v1"},
    "today": {"type": "string", "format": "date"}, "provisional": {"type": "boolean"}, "overdue": {"type": "integer"}, "deadlines": {"type": "array", "items": deadline}}}

# issue #11 (s11-b): sign-off, the decision as stored and as PDF, export of the history
_id = [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer"}}]
_review = {"type": "object", "properties": {"id": {"type": "integer"}, "reviewer": {"type": "string"}, "verdict": {"type": "string", "enum": ["APPROVED", "RETURNED"]},
    "comment": {"type": ["string", "null"]}, "at": {"type": "string", "format": "date-time"}}}
_reviews = {"type": "object", "properties": {"status": {"type": "string", "enum": ["PENDING", "APPROVED", "RETURNED"]}, "review": _review, "reviews": {"type": "array", "items": _review}}}
doc["paths"].update({
    "/api/v1/assessments/{id}/review": {
      "post": {"tags": ["assessments"], "summary": "Review (sign off) an assessment: approve it, or return it with a comment", "operationId": "reviewAssessment",
        "description": "Role: ANALYST or ADMIN, and never the user who created the assessment (403 `review-forbidden`, `errors[0].reason` OWN_ASSESSMENT or ROLE). A return needs a `comment` (at most 2000 characters). An approved assessment takes no further review (409). The rule is the service's (`Reviews`), the same at the result page and in `outbound assessments approve|return`; each review is audited (ASSESSMENT_APPROVED, ASSESSMENT_RETURNED).",
        "parameters": _id,
        "requestBody": {"required": True, "content": {"application/json": {"schema": {"type": "object", "required": ["verdict"], "additionalProperties": False,
            "properties": {"verdict": {"type": "string", "enum": ["APPROVED", "RETURNED"]}, "comment": {"type": "string", "maxLength": 2000}}}}}},
        "responses": {"201": js(_reviews, "Reviewed; the assessment's status and every review"), "409": problem("Approved already"), **errs("400", "401", "403", "404", "415")}},
      "get": {"tags": ["assessments"], "summary": "The sign-off status of an assessment and its reviews, oldest first", "operationId": "getAssessmentReviews",
        "description": "Role: VIEWER.", "parameters": _id, "responses": {"200": js(_reviews), **errs("400", "401", "403", "404")}}},
    "/api/v1/assessments/{id}/decision": {"get": {"tags": ["assessments"], "summary": "The decision JSON exactly as stored", "operationId": "getStoredDecision",
        "description": "Role: VIEWER. The bytes whose SHA-256 the decision's PDF prints in its footer (`Digest-SHA256` header too): `curl … | sha256sum` checks a printed PDF against the record.",
        "parameters": _id, "responses": {"200": js(ref("Decision")), **errs("400", "401", "403", "404")}}},
    "/api/v1/assessments/{id}/pdf": {"get": {"tags": ["assessments"], "summary": "The decision as a PDF (everything assessed, findings, obligations, sign-off)", "operationId": "getAssessmentPdf",
        "description": "Role: VIEWER. A4, a Chinese font embedded, page numbers; each page's footer carries the rule pack's content hash and the SHA-256 of the stored decision JSON. 503 `no-cjk-font` when the server has no CJK font (set OUTBOUND_REPORT_CJK_FONT).",
        "parameters": _id + [{"name": "lang", "in": "query", "schema": {"type": "string", "enum": ["zh", "en"], "default": "zh"}}],
        "responses": {"200": {"description": "The PDF", "content": {"application/pdf": {"schema": {"type": "string", "format": "binary"}}}}, "503": problem("No CJK font on the server"), **errs("400", "401", "403", "404")}}},
    "/api/v1/assessments/export": {"get": {"tags": ["assessments"], "summary": "Export the history (the list's filters applied) as CSV or JSON Lines, streamed", "operationId": "exportAssessments",
        "description": "Role: VIEWER, as the history. `format=csv`: UTF-8 with a byte-order mark (Excel opens it as UTF-8), RFC 4180 quoting, and a cell that starts with `=`, `+`, `-`, `@`, tab or carriage return is prefixed with `'` (no formula runs). `format=jsonl`: one assessment summary per line (with `review`). Rows are streamed from the database, newest first; none is held whole in memory.",
        "parameters": [{"name": "format", "in": "query", "schema": {"type": "string", "enum": ["csv", "jsonl"], "default": "csv"}},
                       {"name": "outcome", "in": "query", "schema": {"type": "string", "enum": ["SEPARATE_REGIME", "SECURITY_ASSESSMENT", "STANDARD_CONTRACT_OR_CERTIFICATION", "EXEMPT"]}},
                       {"name": "processor", "in": "query", "schema": {"type": "string"}},
                       {"name": "from", "in": "query", "schema": {"type": "string", "format": "date"}},
                       {"name": "to", "in": "query", "schema": {"type": "string", "format": "date"}}],
        "responses": {"200": {"description": "The rows", "content": {"text/csv": {"schema": {"type": "string"}}, "application/x-ndjson": {"schema": {"type": "string"}}}}, **errs("400", "401", "403")}}},
})
out = os.path.join(os.path.dirname(__file__), "..", "resources", "api", "openapi.json")
with open(out, "w", encoding="utf-8") as f:
    json.dump(doc, f, ensure_ascii=False, indent=1)
    f.write("\n")
