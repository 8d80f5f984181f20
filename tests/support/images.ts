/**
 * Real images for upload tests, made with sharp: a phone-like JPEG carrying EXIF (camera, GPS
 * position) and XMP, and PNG/WebP pictures. The marker strings let a test grep the stored bytes.
 */
import sharp from 'sharp';

export const EXIF_MARKER = 'RelaisTestPhone';
export const XMP_MARKER = 'RelaisXmpSecret';

function picture(width: number, height: number) {
	// A gradient with some text-like stripes: a real image, not a flat colour.
	const pixels = Buffer.alloc(width * height * 3);
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			const i = (y * width + x) * 3;
			const stripe = y % 24 < 3 && x % 200 < 150 ? 40 : 0;
			pixels[i] = 250 - stripe - (x % 7);
			pixels[i + 1] = 248 - stripe - (y % 5);
			pixels[i + 2] = 240 - stripe;
		}
	}
	return sharp(pixels, { raw: { width, height, channels: 3 } });
}

/** A JPEG as a phone writes it: EXIF with make/model, GPS position and orientation, plus XMP. */
export function phoneJpeg(width = 640, height = 480): Promise<Buffer> {
	return picture(width, height)
		.jpeg({ quality: 90 })
		.withExif({
			IFD0: { Make: 'RelaisPhone', Model: EXIF_MARKER, Software: EXIF_MARKER },
			IFD3: {
				GPSLatitudeRef: 'N',
				GPSLatitude: '45/1 46/1 1234/100',
				GPSLongitudeRef: 'E',
				GPSLongitude: '4/1 50/1 5678/100'
			}
		})
		.withXmp(
			`<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${XMP_MARKER}</dc:creator></rdf:Description></rdf:RDF></x:xmpmeta>`
		)
		.toBuffer();
}

export function png(width = 300, height = 200): Promise<Buffer> {
	return picture(width, height)
		.png()
		.withExif({ IFD0: { Software: EXIF_MARKER } })
		.toBuffer();
}

export function webp(width = 300, height = 200): Promise<Buffer> {
	return picture(width, height)
		.webp()
		.withExif({ IFD0: { Software: EXIF_MARKER } })
		.toBuffer();
}
