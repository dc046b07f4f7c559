"""Event data: communique's meetings as PLOVER records with CAMEO codes, and
who meets whom as a graph."""
