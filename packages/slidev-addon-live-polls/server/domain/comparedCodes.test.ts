import { describe, expect, it } from 'vitest'
import { comparedCodes } from './comparedCodes'

const known = new Set(['', 'K7MPX2', 'Q4TRW9'])
const hasSession = async (code: string): Promise<boolean> => known.has(code)

describe('comparedCodes', () => {
  it('reads codes as typed: any case, spaces, `default`, each group once', async () => {
    expect(await comparedCodes(' k7mpx2, default ,Q4TRW9,K7MPX2', hasSession)).toEqual({
      ok: true,
      codes: ['K7MPX2', '', 'Q4TRW9'],
    })
  })

  it('names every code that is no session, in one message', async () => {
    expect(await comparedCodes('K7MPX2,ZZZZ22,no!', hasSession)).toEqual({ ok: false, status: 404, error: 'unknown sessions: ZZZZ22, no!' })
    expect(await comparedCodes('ZZZZ22', hasSession)).toEqual({ ok: false, status: 404, error: 'unknown session: ZZZZ22' })
  })

  it('refuses an empty list and more than eight groups', async () => {
    expect(await comparedCodes(' , ', hasSession)).toMatchObject({ ok: false, status: 400, error: 'sessions: name at least one session code' })
    expect(await comparedCodes('A2,B2,C2,D2,E2,F2,G2,H2,J2', hasSession)).toMatchObject({ ok: false, error: 'sessions: at most 8 sessions side by side' })
  })
})
