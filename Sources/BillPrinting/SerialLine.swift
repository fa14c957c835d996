#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Opens a serial line (a USB-serial adapter, a built-in port, a Bluetooth rfcomm device) for a
/// printer: raw, 8 data bits, no parity, one stop bit, the given speed and flow control (termios).
enum SerialLine {
    static func open(_ path: String, settings: SerialSettings) throws(PrintError) -> PrinterLink {
        let fd = Glibc.open(path, O_RDWR | O_NOCTTY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else {
            let reason = errno == ENOENT ? "no such device" : String(cString: strerror(errno))
            throw .openFailed(path: path, reason: reason)
        }
        let file = FileDescriptor(fd)
        var t = termios()
        guard tcgetattr(fd, &t) == 0 else {
            throw .serialSetupFailed(path: path, reason: "not a serial line (\(String(cString: strerror(errno))))")
        }
        cfmakeraw(&t)
        guard let speed = speed(settings.baud) else {
            throw .serialSetupFailed(path: path, reason: "no speed \(settings.baud)")
        }
        cfsetispeed(&t, speed)
        cfsetospeed(&t, speed)
        t.c_cflag &= ~(tcflag_t(PARENB | CSTOPB | CSIZE) | tcflag_t(CRTSCTS))
        t.c_cflag |= tcflag_t(CS8 | CLOCAL | CREAD)
        t.c_iflag &= ~tcflag_t(IXON | IXOFF | IXANY)
        switch settings.flowControl {
        case .none: break
        case .rtscts: t.c_cflag |= tcflag_t(CRTSCTS)
        case .xonxoff: t.c_iflag |= tcflag_t(IXON | IXOFF)
        }
        withUnsafeMutableBytes(of: &t.c_cc) { cc in
            cc[Int(VMIN)] = 0
            cc[Int(VTIME)] = 0
        }
        guard tcsetattr(fd, TCSANOW, &t) == 0 else {
            throw .serialSetupFailed(path: path, reason: String(cString: strerror(errno)))
        }
        _ = tcflush(fd, TCIFLUSH)  // answers left over from an earlier job are not this job's
        return PrinterLink(file: file, isSocket: false, canRead: true, name: path)
    }

    /// A terminal given as a plain device path: raw (no line editing, echo or output processing,
    /// which would hold status bytes back and change the bill's), keeping its speed and flow control.
    static func makeRaw(_ fd: Int32) {
        var t = termios()
        guard tcgetattr(fd, &t) == 0 else { return }
        let flow = t.c_cflag & tcflag_t(CRTSCTS)
        let soft = t.c_iflag & tcflag_t(IXON | IXOFF)
        let speed = cfgetospeed(&t)
        cfmakeraw(&t)
        cfsetispeed(&t, speed)
        cfsetospeed(&t, speed)
        t.c_cflag |= flow | tcflag_t(CLOCAL | CREAD)
        t.c_iflag |= soft
        _ = tcsetattr(fd, TCSANOW, &t)
        _ = tcflush(fd, TCIFLUSH)
    }

    static func speed(_ baud: Int) -> speed_t? {
        switch baud {
        case 1200: return speed_t(B1200)
        case 2400: return speed_t(B2400)
        case 4800: return speed_t(B4800)
        case 9600: return speed_t(B9600)
        case 19200: return speed_t(B19200)
        case 38400: return speed_t(B38400)
        case 57600: return speed_t(B57600)
        case 115_200: return speed_t(B115200)
        case 230_400: return speed_t(B230400)
        case 460_800: return speed_t(B460800)
        case 921_600: return speed_t(B921600)
        default: return nil
        }
    }
}
