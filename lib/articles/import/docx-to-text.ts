// .docx to the article line model: mammoth maps Word's paragraph styles to HTML (Heading 1 → <h1>,
// lists → <ul>/<ol>…), and htmlToText does the rest.
import mammoth from 'mammoth';
import { htmlToText } from './html-to-text';

// Word's "Title" style is how many newsrooms mark the headline; mammoth leaves it unmapped.
const styleMap = ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => p:fresh"];

// Images are dropped from articles anyway; this stops mammoth reading and base64-encoding them.
const skipImages = mammoth.images.imgElement(() => Promise.resolve({ src: '' }));

export async function docxToText(buffer: Buffer): Promise<{ text: string; title: string | null; warnings: string[] }> {
  const result = await mammoth.convertToHtml({ buffer }, { styleMap, convertImage: skipImages });
  const { text, title } = htmlToText(result.value);
  return { text, title, warnings: result.messages.map((message) => message.message) };
}
