//! Requests to the kernel's routing netlink (what `ip link set up`,
//! `ip addr replace` and `ip route replace default` send), built and read
//! by netlink-packet-route, over a netlink-sys socket. Every request asks
//! for an acknowledgement and waits for it (with a timeout), so an error
//! comes back as the kernel's errno, attached to the step that caused it.

use std::io;
use std::net::{IpAddr, Ipv4Addr};
use std::os::fd::AsFd;
use std::time::Duration;

use netlink_packet_core::{
    Emitable, NetlinkDeserializable, NetlinkHeader, NetlinkMessage, NetlinkPayload,
    NetlinkSerializable, NLM_F_ACK, NLM_F_CREATE, NLM_F_REPLACE, NLM_F_REQUEST,
};
use netlink_packet_route::address::{AddressAttribute, AddressMessage};
use netlink_packet_route::link::{LinkFlags, LinkMessage};
use netlink_packet_route::route::{
    RouteAddress, RouteAttribute, RouteMessage, RouteProtocol, RouteScope, RouteType,
};
use netlink_packet_route::AddressFamily;
use netlink_sys::{protocols::NETLINK_ROUTE, Socket, SocketAddr};

/// How long the kernel has to acknowledge a request.
const ACK_TIMEOUT: Duration = Duration::from_secs(5);

/// The main routing table.
const RT_TABLE_MAIN: u8 = 254;

/// What the kernel may send besides acknowledgements, read as nothing:
/// only acknowledgements (which netlink-packet-core parses itself) matter
/// here, and not parsing route messages keeps the parsers of every kind
/// (links, qdiscs, neighbours…) out of the daemon's binary.
#[derive(Debug)]
struct Unread;

impl NetlinkDeserializable for Unread {
    type Error = std::convert::Infallible;
    fn deserialize(_: &NetlinkHeader, _: &[u8]) -> Result<Unread, Self::Error> {
        Ok(Unread)
    }
}

/// The requests sent here. Not netlink-packet-route's RouteNetlinkMessage,
/// whose emitter matches every message kind: these three keep the binary
/// small (the numbers are the kernel's RTM_* of linux/rtnetlink.h).
enum Request {
    SetLink(LinkMessage),
    NewAddress(AddressMessage),
    NewRoute(RouteMessage),
}

impl NetlinkSerializable for Request {
    fn message_type(&self) -> u16 {
        match self {
            Request::SetLink(_) => 19,    // RTM_SETLINK
            Request::NewAddress(_) => 20, // RTM_NEWADDR
            Request::NewRoute(_) => 24,   // RTM_NEWROUTE
        }
    }
    fn buffer_len(&self) -> usize {
        match self {
            Request::SetLink(m) => m.buffer_len(),
            Request::NewAddress(m) => m.buffer_len(),
            Request::NewRoute(m) => m.buffer_len(),
        }
    }
    fn serialize(&self, buffer: &mut [u8]) {
        match self {
            Request::SetLink(m) => m.emit(buffer),
            Request::NewAddress(m) => m.emit(buffer),
            Request::NewRoute(m) => m.emit(buffer),
        }
    }
}

/// A routing-netlink socket.
pub struct Rtnl {
    socket: Socket,
    seq: u32,
}

impl Rtnl {
    pub fn open() -> io::Result<Rtnl> {
        let mut socket = Socket::new(NETLINK_ROUTE)?;
        socket.bind_auto()?;
        socket.connect(&SocketAddr::new(0, 0))?;
        rustix::net::sockopt::set_socket_timeout(
            socket.as_fd(),
            rustix::net::sockopt::Timeout::Recv,
            Some(ACK_TIMEOUT),
        )?;
        Ok(Rtnl { socket, seq: 0 })
    }

    /// Sends one request and waits for its acknowledgement.
    fn request(&mut self, message: Request, flags: u16) -> io::Result<()> {
        self.seq = self.seq.wrapping_add(1);
        let mut header = NetlinkHeader::default();
        header.flags = NLM_F_REQUEST | NLM_F_ACK | flags;
        header.sequence_number = self.seq;
        let mut msg = NetlinkMessage::new(header, NetlinkPayload::InnerMessage(message));
        msg.finalize();
        let mut buf = vec![0; msg.buffer_len()];
        msg.serialize(&mut buf);
        self.socket.send(&buf, 0)?;
        self.wait_ack()
    }

    /// Reads datagrams until the one answering our sequence number.
    fn wait_ack(&mut self) -> io::Result<()> {
        loop {
            let mut buf = Vec::with_capacity(16 << 10);
            self.socket.recv(&mut buf, 0).map_err(|e| {
                if e.kind() == io::ErrorKind::WouldBlock {
                    io::Error::new(io::ErrorKind::TimedOut, "no answer from the kernel")
                } else {
                    e
                }
            })?;
            let mut at = 0;
            while at < buf.len() {
                let msg = NetlinkMessage::<Unread>::deserialize(&buf[at..])
                    .map_err(|e| io::Error::new(io::ErrorKind::InvalidData, e.to_string()))?;
                let len = msg.header.length as usize;
                if msg.header.sequence_number == self.seq {
                    if let NetlinkPayload::Error(e) = msg.payload {
                        return match e.code {
                            None => Ok(()),
                            Some(code) => Err(io::Error::from_raw_os_error(-code.get())),
                        };
                    }
                }
                if len == 0 {
                    break;
                }
                at += (len + 3) & !3;
            }
        }
    }

    /// `ip link set dev INDEX up`.
    pub fn link_up(&mut self, index: u32) -> io::Result<()> {
        let mut link = LinkMessage::default();
        link.header.index = index;
        link.header.flags = LinkFlags::Up;
        link.header.change_mask = LinkFlags::Up;
        self.request(Request::SetLink(link), 0)
    }

    /// `ip addr replace ADDRESS/PREFIX dev INDEX` (replace: a daemon that
    /// restarts sets the same address again without an error).
    pub fn replace_address(&mut self, index: u32, address: Ipv4Addr, prefix: u8) -> io::Result<()> {
        let mut msg = AddressMessage::default();
        msg.header.family = AddressFamily::Inet;
        msg.header.prefix_len = prefix;
        msg.header.index = index;
        msg.attributes = vec![
            AddressAttribute::Local(IpAddr::V4(address)),
            AddressAttribute::Address(IpAddr::V4(address)),
        ];
        if prefix < 31 {
            let host_bits = u32::MAX >> prefix;
            let broadcast = Ipv4Addr::from(u32::from(address) | host_bits);
            msg.attributes.push(AddressAttribute::Broadcast(broadcast));
        }
        self.request(Request::NewAddress(msg), NLM_F_CREATE | NLM_F_REPLACE)
    }

    /// `ip route replace DEST/PREFIX via GATEWAY dev INDEX` (DEST/PREFIX
    /// 0.0.0.0/0: the default route).
    pub fn replace_route(
        &mut self,
        index: u32,
        dest: Ipv4Addr,
        prefix: u8,
        gateway: Ipv4Addr,
    ) -> io::Result<()> {
        let mut msg = RouteMessage::default();
        msg.header.address_family = AddressFamily::Inet;
        msg.header.destination_prefix_length = prefix;
        msg.header.table = RT_TABLE_MAIN;
        msg.header.protocol = RouteProtocol::Static;
        msg.header.scope = RouteScope::Universe;
        msg.header.kind = RouteType::Unicast;
        msg.attributes = vec![
            RouteAttribute::Gateway(RouteAddress::Inet(gateway)),
            RouteAttribute::Oif(index),
        ];
        if prefix > 0 {
            msg.attributes
                .push(RouteAttribute::Destination(RouteAddress::Inet(dest)));
        }
        self.request(Request::NewRoute(msg), NLM_F_CREATE | NLM_F_REPLACE)
    }
}

/// The index of interface `name`.
pub fn index_of(name: &str) -> io::Result<u32> {
    let c = std::ffi::CString::new(name)
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "NUL in an interface name"))?;
    // SAFETY: if_nametoindex reads the NUL-terminated string, nothing else.
    match unsafe { libc::if_nametoindex(c.as_ptr()) } {
        0 => Err(io::Error::last_os_error()),
        i => Ok(i),
    }
}
