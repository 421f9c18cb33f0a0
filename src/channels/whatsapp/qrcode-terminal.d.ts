/** The one function of qrcode-terminal (0.12) the WhatsApp channel uses; the package has no types. */
declare module 'qrcode-terminal' {
  const qrcode: {
    generate(
      input: string,
      options: { small?: boolean },
      callback: (drawing: string) => void,
    ): void;
  };
  export default qrcode;
}
