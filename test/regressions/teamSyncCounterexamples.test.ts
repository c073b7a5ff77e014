// Team sync runs on IndexedDB: these cases use the fake one the renderer tests use.
import '../setup/fakeIndexedDb'
import { describe, expect, it } from 'vitest'
import { playTeamDay, type TeamStep } from '../renderer/db/teamConvergence'

describe('counterexamples found by the team sync property', () => {
  // Seed -571290315 (7 December 2026, team sync engine): Ana edited a shared record twice to the same
  // content, then deleted it; Ben deleted it meanwhile. (1) Ana's second edit was answered
  // `unchanged` at the server's revision 2, but her delete, pushed in the same batch, was still based
  // on her own revision 3, so it became a conflict with herself. A push now carries at most one
  // revision per record and bases the next on what the server answered. (2) Ben's conflict, resolved
  // by keeping theirs, wrote the conflict's old `theirs` back, undoing Ana's delete on his side only.
  // Keeping theirs now writes nothing here: the client took the team's version when it met the
  // conflict (teamSync.test.ts has that case on its own, since this one no longer conflicts).
  it("an edit answered `unchanged`, then a delete, by one analyst, against another's delete, converges", async () => {
    const steps: TeamStep[] = [
      { kind: 'create', analyst: 0, title: 0 },
      { kind: 'delete', analyst: 1, record: 4 },
      { kind: 'edit', analyst: 0, record: 5, title: 0 },
      { kind: 'delete', analyst: 0, record: 0 },
      { kind: 'edit', analyst: 0, record: 0, title: 0 },
      { kind: 'create', analyst: 0, title: 0 },
      { kind: 'delete', analyst: 0, record: 0 },
      { kind: 'create', analyst: 0, title: 0 }
    ]
    const day = await playTeamDay(2, 3, steps)
    // Ana's own chain of changes went through (her delete accepted), and Ben's delete of a deleted record is unchanged.
    expect(day.team.state.conflicts).toEqual([])
    expect(day.unchanged).toBe(2)
  })

  // Seed 548810606 (7 December 2026, team sync engine): Cleo's edit of a shared record was accepted
  // at revision 2; Ana, who had edited it too and then deleted it, pushed both: her edit became a
  // conflict and her delete, based on revision 2, was accepted. Her pull then replayed Cleo's older
  // edit (not her own, so not skipped) and brought the record back on her side only. A pulled change
  // now applies only when it is later than the record's state here, a deleted record included.
  it("an older change pulled after one's own later delete does not bring the record back", async () => {
    const steps: TeamStep[] = [
      { kind: 'edit', analyst: 2, record: 0, title: 0 },
      { kind: 'edit', analyst: 0, record: 0, title: 0 },
      { kind: 'sync', analyst: 2 },
      { kind: 'delete', analyst: 0, record: 0 }
    ]
    const day = await playTeamDay(3, 1, steps)
    expect(day.conflicts).toBe(1)
    expect(await day.analysts[0]?.db.recordTable('incident').count()).toBe(0)
  })

  // Seed 605266860 (7 December 2026, team sync engine): Ben deleted a shared record (revision 1 on
  // the server) while Cleo and Ana edited it; both met conflicts and took the team's deletion, but
  // their history noted it at their own numbers (2 and 3). Ana's resolution brought the record back
  // at revision 2, which Cleo's pull took for older than her deletion "at 2" and skipped. A deletion
  // from the team is now noted at the server's revision.
  it("a record brought back by a resolution reaches an analyst who took the team's deletion at her own number", async () => {
    const steps: TeamStep[] = [
      { kind: 'delete', analyst: 1, record: 0 },
      { kind: 'edit', analyst: 2, record: 0, title: 0 },
      { kind: 'edit', analyst: 0, record: 0, title: 0 },
      { kind: 'create', analyst: 0, title: 0 },
      { kind: 'edit', analyst: 0, record: 0, title: 0 },
      { kind: 'sync', analyst: 1 }
    ]
    const day = await playTeamDay(3, 1, steps)
    expect(day.conflicts).toBe(2)
  })

  // Seed -2065451692 (7 December 2026, team sync engine): Ben's second edit was answered `unchanged`
  // at the server's revision 2 and his delete, rebased on it, accepted as "deleted at 2"; his history
  // noted the delete at his own number 3, so Ana's resolution bringing the record back at revision 3
  // was taken for older than it and skipped. Whether a pulled change is older than the record here
  // is now told by the server's sequence numbers (kept on each revision as `teamSeq`), not by
  // revision numbers, which a client's history and the server may count differently.
  it("a record brought back at the revision an analyst's own history deleted it at still reaches him", async () => {
    const steps: TeamStep[] = [
      { kind: 'edit', analyst: 3, record: 0, title: 1 },
      { kind: 'edit', analyst: 3, record: 0, title: 1 },
      { kind: 'delete', analyst: 1, record: 0 },
      { kind: 'sync', analyst: 3 },
      { kind: 'edit', analyst: 0, record: 0, title: 0 },
      { kind: 'create', analyst: 0, title: 0 },
      { kind: 'delete', analyst: 0, record: 0 },
      { kind: 'edit', analyst: 0, record: 0, title: 0 }
    ]
    const day = await playTeamDay(2, 1, steps)
    // It goes through an `unchanged` answer (playTeamDay asserts that everyone converged).
    expect(day.unchanged).toBeGreaterThan(0)
  })
})
