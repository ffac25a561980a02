"""A small, invented lineage for the diagram tests (names are made up; dates are test data).

Four local forms succeed one another (one abolished by an Act), two national bodies merge,
one renames, and a form is proposed that never existed.
"""

from __future__ import annotations

from nhsgraph.diagram.presets import Selector, Spec, default_relations

FILES = {"lineage.yaml": """\
    documents:
      - id: doc-a
        label: Document A
        document_type: report
        date: 2023-03-01
      - id: doc-b
        label: Document B
        document_type: article
        date: 2018-06
        authors: [pat-jones, sam-lee]
    people:
      - id: pat-jones
        label: Pat Jones
      - id: sam-lee
        label: Sam Lee
    acts:
      - id: act-1995
        label: Example Act 1995
        year: 1995
      - id: act-2012
        label: Example Act 2012
        year: 2012
      - id: act-2022
        label: Example Act 2022
        year: 2022
    org_types:
      - id: area-board
        label: area board
        established: 1974-04-01
        dissolved: 1996-04-01
        level: local
        sources: [doc-a]
      - id: district-board
        label: district board
        established: 1982-04-01
        dissolved: 2002-04-01
        level: local
        sources: [doc-a]
      - id: care-trust
        label: care trust
        established: 2002-04-01
        dissolved: 2013-04-01
        level: local
        sources: [doc-a]
      - id: care-group
        label: care group
        established: 2013-04-01
        dissolved: 2022-07-01
        level: local
        sources: [doc-a]
      - id: system-board
        label: system board
        established: 2022-07-01
        level: system
        sources: [doc-a]
      - id: joint-trust
        label: joint trust
        proposed_only: true
        sources: [doc-b]
    organisations:
      - id: agency-zero
        label: Agency Zero
        sources: [doc-a]
      - id: agency-a
        label: Agency A
        established: 2005-04-01
        dissolved: 2013-04-01
        sources: [doc-a]
      - id: agency-b
        label: Agency B
        established: 2013-04-01
        dissolved: 2023-02-01
        sources: [doc-a]
      - id: national-board
        label: National Board
        established: 2013-04-01
        sources: [doc-a]
    proposals:
      - id: joint-trust-proposal
        label: Joint trusts for every area
        proposed_by: [pat-jones, sam-lee]
        date: 2018-06
        document: doc-b
        status: rejected
        outcome_date: 2021-02
        sources: [doc-b]
    statements:
      - {subject: district-board, relation: replaces, object: area-board, date: 1996-04-01, by: act-1995, sources: [doc-a]}
      - {subject: act-1995, relation: abolishes, object: area-board, date: 1996-04-01, sources: [doc-a]}
      - {subject: care-trust, relation: replaces, object: district-board, date: 2002-04-01, sources: [doc-a]}
      - {subject: care-group, relation: replaces, object: care-trust, date: 2013-04-01, by: act-2012, sources: [doc-a]}
      - {subject: system-board, relation: replaces, object: care-group, date: 2022-07-01, by: act-2022, sources: [doc-a]}
      - {subject: agency-zero, relation: renamed_to, object: agency-a, date: 2005-04-01, sources: [doc-a]}
      - {subject: agency-a, relation: renamed_to, object: agency-b, date: 2013-04-01, by: act-2012, sources: [doc-a]}
      - {subject: agency-b, relation: merges_into, object: national-board, date: 2023-02-01, sources: [doc-a]}
      - subject: joint-trust
        relation: replaces
        object: care-group
        date: 2018-06
        status: proposed
        attributed_to: [pat-jones, sam-lee]
        sources: [doc-b]
      - {subject: joint-trust-proposal, relation: establishes, object: joint-trust, date: 2018-06, status: proposed,
         attributed_to: [pat-jones, sam-lee], sources: [doc-b]}
    """}

LOCAL = Spec(title="Local boards", relations=default_relations(), depth=0,
             include=(Selector(kind="org_type"),))
"""A preset-like spec over the fixture: every organisation type, including the proposed one."""
