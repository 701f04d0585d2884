"""What a run comes to: its counters, and the exit code each command derives from
them (black's ``Report``). The commands count here and nowhere else."""

from __future__ import annotations

from dataclasses import dataclass, field

from hapimigrate.model import Site, Status

EXIT_CLEAN, EXIT_FOUND, EXIT_ERROR = 0, 1, 2


@dataclass
class Summary:
    command: str  # diff, apply, report, check or baseline
    files: int = 0  # files looked at
    skipped: int = 0  # passed over (symlinks, ...)
    changed: int = 0  # rewritten (apply) or that would be (diff)
    errors: int = 0
    sites: list[Site] = field(default_factory=list)
    failing: int = 0  # check: findings that fail the build
    exit_zero: bool = False  # check --exit-zero: findings do not fail (errors do)
    # diff, apply: the files rewritten (in order), the sites suppressed by a
    # comment, and the uses they cannot migrate: other languages, shell lines of
    # notebooks (check's findings, found by its scanner)
    rewritten: list[str] = field(default_factory=list)
    suppressed: int = 0
    elsewhere: list[Site] = field(default_factory=list)

    @property
    def pending(self) -> int:
        """Sites a person must still migrate."""
        return len(self.elsewhere) + sum(
            1 for s in self.sites if s.status in (Status.MANUAL, Status.UNPARSED)
        )

    @property
    def exit_code(self) -> int:
        if self.errors:
            return EXIT_ERROR
        if self.command == "diff":
            return EXIT_FOUND if self.changed else EXIT_CLEAN
        if self.command == "apply":
            return EXIT_FOUND if self.pending else EXIT_CLEAN
        if self.command == "check":
            return EXIT_FOUND if self.failing and not self.exit_zero else EXIT_CLEAN
        return EXIT_CLEAN
