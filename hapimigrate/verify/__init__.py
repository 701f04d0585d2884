"""``hapimigrate verify``: prove the migrated app works.

* ``verify token`` (:mod:`.token`, :mod:`.introspect`, :mod:`.scopes`): the token the
  provider gives, what HubSpot says it may do, against the scopes the code needs;
* ``verify run`` (:mod:`.run`, :mod:`.interposer`, :mod:`.records`,
  :mod:`.classify`, :mod:`.observed`): the user's own command, with every request to
  HubSpot watched for ``hapikey``, the old key, a missing ``Authorization: Bearer``
  and retired endpoints (:mod:`.retired`); what it saw can be merged into the
  report.

:mod:`.render` prints both. The CLI parses options and calls these; nothing here
imports the CLI or the run of the codemod.
"""
