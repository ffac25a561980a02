"""A small, fictional reform history for the question tests (on top of conftest's BASE).

Types:  first form (1990-2002) -> middle form (2002-2013) -> old form (2013-2022) -> new form (2022-)
        and "idea form", a proposed-only form Body X wanted instead of the new form; Body X's
        proposal "Merge the old forms" would abolish the old form and establish a "merged form".
Bodies: Org A merged into Org B (2020); Org C replaced Org B (2022); Org B was part of
        Region H (2014-2022); a proposed merger of
        Org B into Org E, and Org E's own (factual) merger into Org F, which a chain must not follow.
"""

REFORM = {
    "reform.yaml": """\
        documents:
          - id: doc-b
            label: Article B
            document_type: article
            date: 2018-05-01
            url: https://example.org/article-b
            authors: [person-p]
        people:
          - id: person-p
            label: Pat Example
            sources: [doc-b]
        org_types:
          - id: first-form
            label: first form
            aliases: [FF]
            established: 1990-04-01
            dissolved: 2002-04-01
            sources: [doc-a]
          - id: middle-form
            label: middle form
            established: 2002-04-01
            dissolved: 2013-04-01
            sources: [doc-a]
          - id: idea-form
            label: idea form
            proposed_only: true
            sources: [doc-b]
          - id: merged-form
            label: merged form
            proposed_only: true
            sources: [doc-b]
        organisations:
          - {id: org-a, label: Org A, org_type: old-form, established: 2013-04-01, dissolved: 2020-04-01, sources: [doc-a]}
          - {id: org-b, label: Org B, aliases: [Twin], org_type: old-form, established: 2013-04-01, dissolved: 2022-07-01, sources: [doc-a]}
          - {id: org-c, label: Org C, org_type: new-form, established: 2022-07-01, sources: [doc-a]}
          - {id: org-d, label: Org D, aliases: [Twin], org_type: old-form, established: 2013, sources: [doc-a]}
          - {id: org-e, label: Org E, established: 2010-01-01, dissolved: 2015-01-01, sources: [doc-a]}
          - {id: org-f, label: Org F, established: 2015-01-01, sources: [doc-a]}
          - {id: org-g, label: Org G, org_type: new-form, sources: [doc-a]}
          - {id: org-h, label: Region H, established: 2010-01-01, sources: [doc-a]}
        proposals:
          - id: prop-1
            label: Merge the old forms
            proposed_by: [body-x]
            document: doc-b
            date: 2018-05-01
            status: rejected
            outcome: Not taken up.
            sources: [doc-b]
        statements:
          - {subject: middle-form, relation: replaces, object: first-form, date: 2002-04-01, sources: [doc-a]}
          - {subject: old-form, relation: replaces, object: middle-form, date: 2013-04-01, sources: [doc-a]}
          - subject: new-form
            relation: replaces
            object: old-form
            date: 2022-07-01
            by: act-2022
            sources:
              - document: doc-a
                quote: "The new form replaces the old form."
          - subject: idea-form
            relation: replaces
            object: old-form
            status: proposed
            attributed_to: [body-x]
            date: 2018-05-01
            sources:
              - document: doc-b
                quote: "An idea form should replace the old form."
          - {subject: org-a, relation: merges_into, object: org-b, date: 2020-04-01, sources: [doc-a]}
          - {subject: org-c, relation: replaces, object: org-b, date: 2022-07-01, by: act-2022, sources: [doc-a]}
          - {subject: org-b, relation: merges_into, object: org-e, status: proposed, attributed_to: [body-x], date: 2014, sources: [doc-b]}
          - {subject: org-e, relation: merges_into, object: org-f, date: 2015-01-01, sources: [doc-a]}
          - {subject: act-2022, relation: establishes, object: org-g, date: 2022-07-01, sources: [doc-a]}
          - subject: person-p
            relation: proposes
            object: idea-form
            date: 2018-05-01
            sources: [{document: doc-b, quote: "We propose an idea form."}]
          - subject: body-x
            relation: opposes
            object: prop-1
            date: 2019
            sources: [{document: doc-a, quote: "Body X opposes the merger."}]
          - subject: person-p
            relation: supports
            object: prop-1
            sources: [{document: doc-b, quote: "Merging the old forms is right."}]
          - subject: prop-1
            relation: abolishes
            object: old-form
            status: proposed
            attributed_to: [body-x]
            sources: [doc-b]
          - subject: prop-1
            relation: establishes
            object: merged-form
            status: proposed
            attributed_to: [body-x]
            sources: [{document: doc-b, quote: "One merged form would take over."}]
          - {subject: org-b, relation: part_of, object: org-h, from: 2014-04-01, until: 2022-07-01, sources: [doc-a]}
        """,
}
