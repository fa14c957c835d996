import BillRaster

// billrender-svg: the picture helper. The library spawns it for each picture it has not drawn
// before, writes a request (a box and a sanitised SVG) to its standard input and reads the gray
// pixels from its standard output. Whatever librsvg does here — abort, run away with memory or
// time — ends this process, not the host. The limits are set before anything is read.
//   billrender-svg --memory BYTES --cpu SECONDS  < request  > answer
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

func say(_ message: String) {
    let line = Array((message + "\n").utf8)
    _ = line.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}

var memory = 192 << 20
var cpu = 2
var arguments = CommandLine.arguments.dropFirst()
while let flag = arguments.popFirst() {
    guard let value = arguments.popFirst().flatMap({ Int($0) }), value > 0 else {
        say("usage: billrender-svg --memory BYTES --cpu SECONDS < request")
        exit(64)
    }
    switch flag {
    case "--memory": memory = value
    case "--cpu": cpu = value
    default:
        say("usage: billrender-svg --memory BYTES --cpu SECONDS < request")
        exit(64)
    }
}

func limit(_ resource: Int32, _ value: Int) {
    var bound = rlimit(rlim_cur: rlim_t(value), rlim_max: rlim_t(value))
    _ = setrlimit(__rlimit_resource_t(UInt32(resource)), &bound)
}
// Descriptors the host did not mean to pass on (it may lack close-on-exec on some) are closed.
if let directory = opendir("/proc/self/fd") {
    var open: [Int32] = []
    while let entry = readdir(directory) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
        if let fd = Int32(name), fd > 2 { open.append(fd) }
    }
    let own = dirfd(directory)
    closedir(directory)
    for fd in open where fd != own { close(fd) }
}
limit(Int32(RLIMIT_DATA.rawValue), memory)
limit(Int32(RLIMIT_CPU.rawValue), cpu)
limit(Int32(RLIMIT_CORE.rawValue), 0)
limit(Int32(RLIMIT_FSIZE.rawValue), 0)

// The request: at most the largest SVG the library accepts, plus its header line.
var request: [UInt8] = []
var buffer = [UInt8](repeating: 0, count: 64 << 10)
while true {
    let count = read(0, &buffer, buffer.count)
    if count < 0, errno == EINTR { continue }
    guard count > 0 else { break }
    request.append(contentsOf: buffer[..<count])
    guard request.count <= (64 << 20) else { exit(65) }
}
guard let picture = PictureRequest.decode(request) else {
    say("billrender-svg: a malformed request")
    exit(65)
}
let answer = picture.answer()
var written = 0
while written < answer.count {
    let count = answer.withUnsafeBytes { bytes -> Int in
        guard let base = bytes.baseAddress else { return -1 }
        return write(1, base + written, bytes.count - written)
    }
    if count < 0, errno == EINTR { continue }
    guard count > 0 else { exit(74) }
    written += count
}
exit(0)
