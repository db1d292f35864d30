import type { Component } from 'vue'
import type { PollKind } from './definitions.ts'
import MultipleInput from './multiple/Input.vue'
import RankingInput from './ranking/Input.vue'
import ScaleInput from './scale/Input.vue'
import SingleInput from './single/Input.vue'
import TextInput from './text/Input.vue'

// The phone page's entry: each kind's input (props `poll`, `legend`, `t`; v-model the answer). Only the inputs: the
// page must stay small (≤ 50 KB gzip), so nothing here imports a chart, a schema or the server's counting.
export const inputs: Record<PollKind, Component> = {
  single: SingleInput,
  multiple: MultipleInput,
  scale: ScaleInput,
  text: TextInput,
  ranking: RankingInput,
}
