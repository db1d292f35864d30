import type { MaybeRefOrGetter, Ref } from 'vue'
import QRCode from 'qrcode'
import { ref, toValue, watchEffect } from 'vue'

/** SVG markup of a QR code for `text`, regenerated when it changes. */
export function useQRCodeSvg(text: MaybeRefOrGetter<string>): Ref<string> {
  const svg = ref('')
  watchEffect(async (onCleanup) => {
    let stale = false
    onCleanup(() => (stale = true))
    const markup = await QRCode.toString(toValue(text), { type: 'svg', margin: 1, errorCorrectionLevel: 'M' })
    if (!stale)
      svg.value = markup
  })
  return svg
}
