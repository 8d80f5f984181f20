/**
 * A small valid PDF (one page, one line of text), padded to the requested size with a content
 * stream comment, with a correct cross-reference table — for API tests and the bench.
 */
export function makePdf(text = 'Relais test document', targetBytes = 0): Buffer {
	const safe = text.replace(/[()\\]/g, '');
	let content = `BT /F1 18 Tf 72 720 Td (${safe}) Tj ET\n`;
	const objects = (stream: string) => [
		'<< /Type /Catalog /Pages 2 0 R >>',
		'<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
		'<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
		`<< /Length ${Buffer.byteLength(stream)} >>\nstream\n${stream}endstream`,
		'<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>'
	];
	const build = (stream: string) => {
		let out = '%PDF-1.4\n';
		const offsets: number[] = [];
		objects(stream).forEach((body, i) => {
			offsets.push(Buffer.byteLength(out));
			out += `${i + 1} 0 obj\n${body}\nendobj\n`;
		});
		const xref = Buffer.byteLength(out);
		out += `xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n`;
		for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
		out += `trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
		return Buffer.from(out, 'latin1');
	};
	let pdf = build(content);
	if (targetBytes > pdf.length) {
		const missing = targetBytes - pdf.length;
		const line = '% padding 0123456789abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ\n';
		content += line.repeat(Math.ceil(missing / line.length)).slice(0, missing);
		pdf = build(content);
	}
	return pdf;
}
