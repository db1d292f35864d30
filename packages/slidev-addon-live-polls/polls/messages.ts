import * as v from 'valibot'
import { ParticipantSchema } from './participant.ts'

/** What a WebSocket client may send (docs/api.md); anything else is answered with an error. */
export const ClientMessageSchema = v.variant('type', [
  v.object({
    type: v.literal('hello'),
    participant: v.optional(ParticipantSchema),
    token: v.optional(v.pipe(v.string(), v.maxLength(200))),
    watch: v.optional(v.boolean()),
    poll: v.optional(v.pipe(v.string(), v.maxLength(100))),
  }),
  v.object({
    type: v.literal('vote'),
    ref: v.pipe(v.number(), v.integer()),
    poll: v.pipe(v.string(), v.maxLength(100)),
    answer: v.unknown(),
  }),
  v.object({
    type: v.literal('present'),
    poll: v.nullable(v.pipe(v.string(), v.maxLength(100))),
  }),
])
export type ClientMessage = v.InferOutput<typeof ClientMessageSchema>
