import Foundation

#if canImport(Glibc)
import Glibc
#endif

// bench-output-limit REFERENCE OUT [--threads N]
//
// The bare output limit of SPEC §9: a plain program that writes the files a batch wrote, the
// same count and sizes, the way the batch writes them (a folder per patient, 0700; each file
// written to a temporary file 0600 in the same folder and renamed over its name; no fsync).
// REFERENCE is a finished batch's output folder (hidden files, such as the ledger, left out);
// OUT a new folder. Listing REFERENCE is not timed. N threads (default 2, the batch's default
// --jobs on this machine) take the folders in turn. Prints one line:
//   files=F folders=D bytes=B seconds=T files_s=R

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data(("bench-output-limit: " + message + "\n").utf8))
    exit(64)
}

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9
}

/// A folder to write (relative to OUT; "" for OUT itself) and its files' names and sizes.
struct Folder: @unchecked Sendable {
    var path: String
    var files: [(name: String, size: Int)]
}

/// Lists the non-hidden regular files of `root` and of its non-hidden subfolders (one level
/// deep: the batch writes `<out>/<patient>/referral.*` and `<out>/worklist.*`).
func list(_ root: String) -> [Folder] {
    func entries(_ path: String) -> [(name: String, isFolder: Bool, size: Int)] {
        guard let directory = opendir(path) else { fail("cannot list \(path)") }
        defer { closedir(directory) }
        var result: [(String, Bool, Int)] = []
        while let entry = readdir(directory) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
            if name.hasPrefix(".") { continue }
            var info = stat()
            guard stat(path + "/" + name, &info) == 0 else { continue }
            let kind = info.st_mode & S_IFMT
            if kind == S_IFDIR { result.append((name, true, 0)) } else if kind == S_IFREG { result.append((name, false, Int(info.st_size))) }
        }
        return result
    }
    var folders: [Folder] = []
    var top = Folder(path: "", files: [])
    for entry in entries(root) {
        if entry.isFolder {
            folders.append(Folder(path: entry.name, files: entries(root + "/" + entry.name).filter { !$0.isFolder }.map { ($0.name, $0.size) }))
        } else {
            top.files.append((entry.name, entry.size))
        }
    }
    folders.append(top)
    return folders
}

func write(_ folder: Folder, into out: String, bytes: UnsafeRawBufferPointer) {
    let path = folder.path.isEmpty ? out : out + "/" + folder.path
    if !folder.path.isEmpty, mkdir(path, 0o700) != 0, errno != EEXIST { fail("mkdir \(path): \(String(cString: strerror(errno)))") }
    for file in folder.files {
        let target = path + "/" + file.name
        let temporary = path + "/." + file.name + ".tmp-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o600)
        guard descriptor >= 0 else { fail("open \(temporary): \(String(cString: strerror(errno)))") }
        var offset = 0
        while offset < file.size {
            let count = min(file.size - offset, bytes.count)
            let written = Glibc.write(descriptor, bytes.baseAddress!, count)
            guard written > 0 else { fail("write \(temporary)") }
            offset += written
        }
        close(descriptor)
        guard rename(temporary, target) == 0 else { fail("rename \(target)") }
    }
}

var arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2 else { fail("usage: bench-output-limit REFERENCE OUT [--threads N]") }
let reference = arguments[0]
let out = arguments[1]
var threads = 2
if arguments.count == 4, arguments[2] == "--threads", let n = Int(arguments[3]), n > 0 { threads = n }

let folders = list(reference)
let files = folders.reduce(0) { $0 + $1.files.count }
let totalBytes = folders.reduce(0) { $0 + $1.files.reduce(0) { $0 + $1.size } }
if mkdir(out, 0o700) != 0, errno != EEXIST { fail("mkdir \(out)") }

/// A counter the threads take folders from.
final class NextFolder: @unchecked Sendable {
    private let lock = NSLock()
    private var index = 0

    func take() -> Int {
        lock.lock()
        defer { lock.unlock() }
        index += 1
        return index - 1
    }
}

/// Writes every folder on `threads` threads; returns the seconds taken.
func measure(_ folders: [Folder], out: String, threads: Int) -> Double {
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
    buffer.initializeMemory(as: UInt8.self, repeating: UInt8(ascii: "x"))
    nonisolated(unsafe) let bytes = UnsafeRawBufferPointer(buffer)
    let next = NextFolder()
    let group = DispatchGroup()
    let start = now()
    for _ in 0..<threads {
        group.enter()
        let thread = Thread {
            while true {
                let index = next.take()
                guard index < folders.count else { break }
                write(folders[index], into: out, bytes: bytes)
            }
            group.leave()
        }
        thread.start()
    }
    group.wait()
    return now() - start
}

let seconds = measure(folders, out: out, threads: threads)
print("files=\(files) folders=\(folders.count - 1) bytes=\(totalBytes) seconds=\(String(format: "%.3f", seconds)) files_s=\(Int(Double(files) / seconds))")
