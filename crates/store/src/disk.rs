//! Whether the data folder is on an encrypted disk, for the set-up screen's advice. Linux only
//! (read from `/proc/self/mountinfo` and `/sys`); elsewhere, or when it cannot tell, it says so.
//!
//! The folder's mount is found (the longest mount point above it); its block device is followed
//! down through device-mapper layers (LVM on LUKS, say) to any dm-crypt one. An eCryptfs home
//! counts as encrypted.

use std::path::{Path, PathBuf};

/// What the set-up screen says about the disk.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DiskEncryption {
    Encrypted,
    NotEncrypted,
    Unknown,
}

/// The disk under `dir` (which need not exist yet).
pub fn disk_encryption(dir: &Path) -> DiskEncryption {
    let Some(dir) = existing_ancestor(dir) else {
        return DiskEncryption::Unknown;
    };
    let Ok(mountinfo) = std::fs::read_to_string("/proc/self/mountinfo") else {
        return DiskEncryption::Unknown;
    };
    let Some(mount) = mount_of(&mountinfo, &dir) else {
        return DiskEncryption::Unknown;
    };
    if mount.fstype == "ecryptfs" {
        return DiskEncryption::Encrypted;
    }
    let sys = Path::new("/sys/dev/block").join(&mount.device);
    let block = if sys.exists() {
        Some(sys)
    } else {
        // btrfs and others report an anonymous device; the source names the real one.
        std::fs::canonicalize(&mount.source)
            .ok()
            .and_then(|dev| {
                dev.file_name()
                    .map(|n| Path::new("/sys/class/block").join(n))
            })
            .filter(|p| p.exists())
    };
    match block {
        Some(block) if is_crypt(&block, 0) => DiskEncryption::Encrypted,
        Some(_) => DiskEncryption::NotEncrypted,
        None => DiskEncryption::Unknown,
    }
}

fn existing_ancestor(dir: &Path) -> Option<PathBuf> {
    let mut at = Some(dir);
    while let Some(p) = at {
        if let Ok(real) = std::fs::canonicalize(p) {
            return Some(real);
        }
        at = p.parent();
    }
    None
}

/// One line of mountinfo, the parts used here.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Mount {
    point: PathBuf,
    /// `major:minor`.
    device: String,
    fstype: String,
    source: String,
}

/// The mount `dir` is on: the one with the longest mount point above it (the last of equals:
/// a later mount hides an earlier one).
fn mount_of(mountinfo: &str, dir: &Path) -> Option<Mount> {
    let mut best: Option<Mount> = None;
    for line in mountinfo.lines() {
        let fields: Vec<&str> = line.split(' ').collect();
        let Some(dash) = fields.iter().position(|f| *f == "-") else {
            continue;
        };
        let (Some(device), Some(point), Some(fstype), Some(source)) = (
            fields.get(2),
            fields.get(4),
            fields.get(dash + 1),
            fields.get(dash + 2),
        ) else {
            continue;
        };
        let point = PathBuf::from(unescape(point));
        if !dir.starts_with(&point) {
            continue;
        }
        let longer = best
            .as_ref()
            .is_none_or(|b| point.components().count() >= b.point.components().count());
        if longer {
            best = Some(Mount {
                point,
                device: (*device).to_owned(),
                fstype: (*fstype).to_owned(),
                source: unescape(source),
            });
        }
    }
    best
}

/// mountinfo writes a space, tab, newline and backslash as octal escapes.
fn unescape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\' {
            let code: String = chars.clone().take(3).collect();
            if code.len() == 3 {
                if let Ok(n) = u8::from_str_radix(&code, 8) {
                    out.push(char::from(n));
                    for _ in 0..3 {
                        chars.next();
                    }
                    continue;
                }
            }
        }
        out.push(c);
    }
    out
}

/// Whether the block device at `sys` (a `/sys` directory) is dm-crypt or lies on one.
fn is_crypt(sys: &Path, depth: u8) -> bool {
    if depth > 8 {
        return false;
    }
    let uuid = std::fs::read_to_string(sys.join("dm/uuid")).unwrap_or_default();
    if uuid.starts_with("CRYPT-") {
        return true;
    }
    // A partition's parent holds no more than it; device-mapper devices list what they lie on.
    let Ok(slaves) = std::fs::read_dir(sys.join("slaves")) else {
        return false;
    };
    slaves
        .flatten()
        .any(|s| std::fs::canonicalize(s.path()).is_ok_and(|p| is_crypt(&p, depth + 1)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const MOUNTINFO: &str = "\
22 1 253:1 / / rw,relatime shared:1 - ext4 /dev/mapper/vg-root rw
25 22 259:2 / /boot rw,relatime shared:2 - ext4 /dev/nvme0n1p2 rw
30 22 0:45 / /home/sam/My\\040Files rw - ecryptfs /home/sam/.Private rw
31 22 0:46 / /home rw - btrfs /dev/sda3 rw
32 31 0:47 / /home rw - btrfs /dev/sdb1 rw
";

    #[test]
    fn the_folder_is_on_the_deepest_mount_above_it_and_escapes_are_read() {
        let of = |p: &str| mount_of(MOUNTINFO, Path::new(p)).unwrap();
        assert_eq!(of("/var/lib/harbour").device, "253:1");
        assert_eq!(of("/boot/x").source, "/dev/nvme0n1p2");
        assert_eq!(of("/home/sam/My Files/harbour").fstype, "ecryptfs");
        assert_eq!(
            of("/home/sam/.local/share/harbour").source,
            "/dev/sdb1",
            "the later of two mounts at one point hides the earlier"
        );
        assert_eq!(
            of("/bootleg").device,
            "253:1",
            "a mount point is a whole component"
        );
    }

    #[test]
    fn lvm_on_luks_is_encrypted_and_a_plain_partition_is_not() {
        let sys = tempfile::tempdir().unwrap();
        let dev = |name: &str, uuid: Option<&str>| {
            let d = sys.path().join(name);
            std::fs::create_dir_all(d.join("slaves")).unwrap();
            if let Some(uuid) = uuid {
                std::fs::create_dir_all(d.join("dm")).unwrap();
                std::fs::write(d.join("dm/uuid"), uuid).unwrap();
            }
            d
        };
        let luks = dev("dm-0", Some("CRYPT-LUKS2-0123abcd-luks\n"));
        let lvm = dev("dm-1", Some("LVM-abcdef\n"));
        std::os::unix::fs::symlink(&luks, lvm.join("slaves/dm-0")).unwrap();
        let plain = dev("sda2", None);
        let lvm_plain = dev("dm-2", Some("LVM-012345\n"));
        std::os::unix::fs::symlink(&plain, lvm_plain.join("slaves/sda2")).unwrap();
        assert!(is_crypt(&luks, 0));
        assert!(is_crypt(&lvm, 0), "LVM on LUKS");
        assert!(!is_crypt(&plain, 0));
        assert!(!is_crypt(&lvm_plain, 0), "LVM on a plain partition");
    }
}
