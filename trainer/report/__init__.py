"""Reports a person (or their physical therapist) reads: one analysis or session, and progress
over weeks. Self-contained HTML (plots inlined as SVG, pictures as data URIs), so a report opens
anywhere with no network."""
