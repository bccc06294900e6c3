//! Photos for the missing-person profile: checked, downscaled and re-encoded as JPEG before they
//! are stored, so any picture a carer picks becomes a small, predictable image police can use.

use harbour_core::FieldProblem;
use image::{ImageReader, Limits};
use std::io::Cursor;

/// Largest file a carer may pick (phone photos are 2–12 MB).
pub const MAX_PHOTO_BYTES: usize = 20 * 1024 * 1024;
/// Longest side after downscaling: enough to recognise a face on a printed A4 sheet.
pub const PHOTO_MAX_SIDE: u32 = 800;

/// Decodes `bytes` (JPEG, PNG, WebP or GIF), downscales to fit `PHOTO_MAX_SIDE` and returns JPEG.
pub fn prepare_photo(bytes: &[u8]) -> Result<Vec<u8>, FieldProblem> {
    if bytes.len() > MAX_PHOTO_BYTES {
        return Err(FieldProblem::TooLarge);
    }
    let mut reader = ImageReader::new(Cursor::new(bytes))
        .with_guessed_format()
        .map_err(|_| FieldProblem::Unreadable)?;
    // A tiny file can claim to be a gigantic image; refuse before allocating for it.
    let mut limits = Limits::default();
    limits.max_image_width = Some(16_000);
    limits.max_image_height = Some(16_000);
    limits.max_alloc = Some(512 * 1024 * 1024);
    reader.limits(limits);
    let image = reader.decode().map_err(|_| FieldProblem::Unreadable)?;
    let image = if image.width() > PHOTO_MAX_SIDE || image.height() > PHOTO_MAX_SIDE {
        image.resize(
            PHOTO_MAX_SIDE,
            PHOTO_MAX_SIDE,
            image::imageops::FilterType::Triangle,
        )
    } else {
        image
    };
    let mut out = Vec::new();
    image
        .into_rgb8()
        .write_to(&mut Cursor::new(&mut out), image::ImageFormat::Jpeg)
        .map_err(|_| FieldProblem::Unreadable)?;
    Ok(out)
}

#[cfg(test)]
pub(crate) fn test_png(width: u32, height: u32) -> Vec<u8> {
    let img = image::RgbImage::from_fn(width, height, |x, y| {
        image::Rgb([(x % 256) as u8, (y % 256) as u8, 128])
    });
    let mut out = Vec::new();
    img.write_to(&mut Cursor::new(&mut out), image::ImageFormat::Png)
        .unwrap();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn large_photos_are_downscaled_to_jpeg() {
        let jpeg = prepare_photo(&test_png(1600, 1200)).unwrap();
        let back = image::load_from_memory(&jpeg).unwrap();
        assert_eq!((back.width(), back.height()), (800, 600));
        assert_eq!(
            image::guess_format(&jpeg).unwrap(),
            image::ImageFormat::Jpeg
        );
    }

    #[test]
    fn small_photos_keep_their_size() {
        let jpeg = prepare_photo(&test_png(120, 90)).unwrap();
        let back = image::load_from_memory(&jpeg).unwrap();
        assert_eq!((back.width(), back.height()), (120, 90));
    }

    #[test]
    fn unreadable_and_oversized_files_are_refused() {
        assert_eq!(
            prepare_photo(b"this is a text file, not a photo"),
            Err(FieldProblem::Unreadable)
        );
        let mut truncated = test_png(50, 50);
        truncated.truncate(60);
        assert_eq!(prepare_photo(&truncated), Err(FieldProblem::Unreadable));
        assert_eq!(prepare_photo(&[]), Err(FieldProblem::Unreadable));
        assert_eq!(
            prepare_photo(&vec![0u8; MAX_PHOTO_BYTES + 1]),
            Err(FieldProblem::TooLarge)
        );
    }
}
