import type { MaybeRefOrGetter, Ref } from 'vue'
import QRCode from 'qrcode'
import { ref, toValue, watchEffect } from 'vue'

/** SVG markup of a QR code for `text`, regenerated when it changes. */
export function useQRCodeSvg(text: MaybeRefOrGetter<string>): Ref<string> {
  const svg = ref('')
  watchEffect(async (onCleanup) => {
    let stale = false
    onCleanup(() => (stale = true))
    const value = toValue(text)
    // Nothing to encode yet (e.g. the join URL before the server has said it): no code rather than a wrong one.
    if (!value) {
      svg.value = ''
      return
    }
    const markup = await QRCode.toString(value, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
    if (!stale)
      svg.value = markup
  })
  return svg
}
