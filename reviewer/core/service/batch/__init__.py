"""Batch review of many documents (issue 31): a batch is a set of jobs in the workspace.

One machine: `local.run_local` (worker processes, the workspace as the queue; no queue library).
Many machines: `queue` (procrastinate on the team's PostgreSQL workspace), imported only there.
`triage` ranks the results; reports/triage.py writes the HTML and CSV reports.
"""
