// A paste format reader turns one wrapper (a HAR file, Node's util.inspect output…) into text the main
// parser already reads: an HTTP response or a JSON body. It never throws and returns undefined when the
// paste is not in its format.
export interface Unwrapped {
  /** Canonical text: "HTTP/1.1 <status>\n<headers>\n\n<body>" or a JSON body. */
  text: string;
  /** The request URL, when the wrapper shows it (tells a REST call from a token request). */
  requestUrl?: string;
}

export type PasteFormatReader = (text: string) => Unwrapped | undefined;
