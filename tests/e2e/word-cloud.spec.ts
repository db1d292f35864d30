import { expect, test } from '@playwright/test'
import { loadSlides } from '../deck'
import { drawnTexts } from './textSize'
import { castVotes, freshPoll } from './votes'

const slideNo = (await loadSlides()).find(s => s.poll === 'what-else')!.no
test.use({
  viewport: { width: 1920, height: 1080 },
})

test('answers are sized by their votes, never by their length, and each shows its count', async ({ page, request }) => {
  await freshPoll(request, 'what-else')
  await castVotes(request, 'what-else', [
    ...Array.from({ length: 5 }).fill('Skills'),
    'Lack of political mandate',
    'Procurement rules',
  ], 'sizes')
  await page.goto(`/${slideNo}`)
  const cloud = page.locator(`.slidev-page-${slideNo}`).getByTestId('word-cloud')
  await expect(cloud.getByTestId('answer')).toHaveCount(3)
  const size = async (text: string): Promise<number> => (await drawnTexts(cloud.getByTestId('answer').filter({ hasText: text }).locator('.answer-text'))).at(0)!.px
  const [skills, mandate, procurement] = [await size('Skills'), await size('Lack of political mandate'), await size('Procurement rules')]
  console.log(`drawn at 1920×1080: "Skills" (5 votes) ${skills} px, "Lack of political mandate" (1) ${mandate} px, "Procurement rules" (1) ${procurement} px`)
  expect(skills).toBeGreaterThan(mandate)
  expect(mandate).toBeCloseTo(procurement, 0)
  await expect(cloud.getByTestId('answer').filter({ hasText: 'Skills' }).getByTestId('answer-count')).toHaveText('5')
  await expect(cloud.getByTestId('answer').filter({ hasText: 'Procurement rules' }).getByTestId('answer-count')).toHaveText('1')
  await expect(page.getByTestId('more-answers')).toBeHidden()
})

test('answers that do not fit are counted on the slide, and what is drawn stays readable', async ({ page, request }) => {
  const answers = Array.from({ length: 90 }, (_, i) => `Answer number ${i + 1} about the lack of a political mandate`)
  await freshPoll(request, 'what-else')
  await castVotes(request, 'what-else', answers, 'many')
  await page.goto(`/${slideNo}`)
  const slide = page.locator(`.slidev-page-${slideNo}`)
  const cloud = slide.getByTestId('word-cloud')
  await expect(slide.getByTestId('participants')).toHaveText(/90 answers/)
  await expect(slide.getByTestId('more-answers')).toBeVisible()
  const shown = await cloud.getByTestId('answer').count()
  const left = Number((await slide.getByTestId('more-answers').textContent())!.match(/and (\d+) more/)![1])
  console.log(`90 answers of 54 characters: ${shown} drawn, "${left} more" stated`)
  expect(shown).toBeGreaterThan(10)
  expect(shown + left).toBe(90)
  // What is drawn is inside the cloud's box, and no text is under 24 px on the projector.
  const box = (await cloud.boundingBox())!
  for (const answer of await cloud.getByTestId('answer').all()) {
    const b = (await answer.boundingBox())!
    expect(b.y + b.height).toBeLessThanOrEqual(box.y + box.height + 1)
  }
  expect((await drawnTexts(slide)).filter(t => t.px < 24)).toEqual([])
})
