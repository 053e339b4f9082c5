# The plain-PyTorch peer of `pdviz bench train` for the unet: the same network as train.family.Unet
# at its defaults (channels 32,64, one residual block per level, GroupNorm(8), sinusoidal embedding 64,
# time MLP 128; 284,065 parameters), written the way a PyTorch user writes it (native F.group_norm,
# F.silu), v-parameterisation, SNR+1-weighted x-loss, global-norm clip 1, Adam; the teacher-training
# step also updates an EMA (0.999). The distillation iteration is Algorithm 2 as pdviz runs it: MNIST
# batch and noise, the teacher's two DDIM steps without gradients, x_tilde, the student's step (no EMA).
#
#   OPENBLAS_NUM_THREADS=1 /usr/bin/python3 src/bench/torch-peer-unet.py [threads] [steps] [warmup]
#
# Debian: apt-get install python3-torch libopenblas0-pthread (see STACK.md: without OpenBLAS torch
# links the reference BLAS; OPENBLAS_NUM_THREADS=1 keeps its pool from fighting torch's threads).
# Prints one JSON line of medians in milliseconds; distillParts splits the distillation iteration into
# data and noise, the teacher's two forwards and target, the student's forward and backward, the optimiser.
import gzip, json, math, os, statistics, sys, time
import torch, torch.nn as nn, torch.nn.functional as F

threads = int(sys.argv[1]) if len(sys.argv) > 1 else 2
steps = int(sys.argv[2]) if len(sys.argv) > 2 else 50
warm = int(sys.argv[3]) if len(sys.argv) > 3 else 5
torch.set_num_threads(threads)
torch.set_num_interop_threads(1)
torch.manual_seed(0)
B, C0, C1, G, E, TD = 64, 32, 64, 8, 64, 128
LMIN, LMAX = -20.0, 20.0
b_ = math.atan(math.exp(-LMAX / 2)); a_ = math.atan(math.exp(-LMIN / 2)) - b_
freqs = torch.tensor([1000.0 * math.exp(-math.log(10000.0) * k / (E // 2)) for k in range(E // 2)])

def alpha_sigma(t):
    phi = a_ * t + b_
    return torch.cos(phi), torch.sin(phi)

class Res(nn.Module):
    def __init__(self, cin, cout):
        super().__init__()
        self.norm1 = nn.GroupNorm(G, cin); self.conv1 = nn.Conv2d(cin, cout, 3, padding=1)
        self.time = nn.Linear(TD, cout)
        self.norm2 = nn.GroupNorm(G, cout); self.conv2 = nn.Conv2d(cout, cout, 3, padding=1)
        self.skip = nn.Conv2d(cin, cout, 1) if cin != cout else None
    def forward(self, x, tact):
        h = self.conv1(F.silu(self.norm1(x))) + self.time(tact)[:, :, None, None]
        h = self.conv2(F.silu(self.norm2(h)))
        return h + (self.skip(x) if self.skip is not None else x)

class Unet(nn.Module):
    def __init__(self):
        super().__init__()
        self.time1 = nn.Linear(E, TD); self.time2 = nn.Linear(TD, TD)
        self.conv_in = nn.Conv2d(1, C0, 3, padding=1)
        self.down0 = Res(C0, C0); self.pool = nn.Conv2d(C0, C1, 3, stride=2, padding=1)
        self.down1 = Res(C1, C1); self.mid = Res(C1, C1)
        self.upconv = nn.Conv2d(C1, C0, 3, padding=1); self.up0 = Res(2 * C0, C0)
        self.norm_out = nn.GroupNorm(G, C0); self.conv_out = nn.Conv2d(C0, 1, 3, padding=1)
    def forward(self, z, t):
        a = t[:, None] * freqs[None, :]
        temb = self.time2(F.silu(self.time1(torch.cat([torch.sin(a), torch.cos(a)], 1))))
        tact = F.silu(temb)
        h = self.down0(self.conv_in(z), tact)
        skip = h
        h = self.mid(self.down1(self.pool(h), tact), tact)
        h = self.upconv(F.interpolate(h, scale_factor=2, mode="nearest"))
        h = self.up0(torch.cat([h, skip], 1), tact)
        return self.conv_out(F.silu(self.norm_out(h)))

def mnist():
    here = os.path.dirname(os.path.abspath(__file__))
    with gzip.open(os.path.join(here, "..", "..", "assets", "mnist", "mnist-images-idx3-ubyte.gz")) as f:
        raw = f.read()
    n = int.from_bytes(raw[4:8], "big")
    x = torch.frombuffer(bytearray(raw[16:16 + n * 784]), dtype=torch.uint8).float().view(n, 1, 28, 28)
    return x / 127.5 - 1

DATA = mnist()

def x_hat(net, z, t):
    al, si = alpha_sigma(t)
    return al[:, None, None, None] * z - si[:, None, None, None] * net(z, t)

def step(net, opt, ema, z, t, target, parts=None):
    t0 = time.perf_counter()
    al, si = alpha_sigma(t)
    w = 1 + (al / si) ** 2
    loss = (w * ((target - x_hat(net, z, t)) ** 2).mean((1, 2, 3))).mean()
    opt.zero_grad(set_to_none=True)
    loss.backward()
    t1 = time.perf_counter()
    torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
    opt.step()
    if parts is not None:
        parts["student"].append((t1 - t0) * 1e3); parts["optimiser"].append((time.perf_counter() - t1) * 1e3)
    if ema is not None:
        with torch.no_grad():
            torch._foreach_mul_(ema, 0.999)
            torch._foreach_add_(ema, list(net.parameters()), alpha=0.001)
    return loss.item()

def timed(fn):
    ms = []
    for i in range(warm + steps):
        t0 = time.perf_counter(); fn(); t1 = time.perf_counter()
        if i >= warm:
            ms.append((t1 - t0) * 1e3)
    return statistics.median(ms)

def noisy(t):
    x = DATA[torch.randint(0, DATA.shape[0], (B,))]
    al, si = alpha_sigma(t)
    return al[:, None, None, None] * x + si[:, None, None, None] * torch.randn_like(x), x

net = Unet(); params = sum(p.numel() for p in net.parameters())
assert params == 284065, params
opt = torch.optim.Adam(net.parameters(), lr=1e-4)
ema = [p.detach().clone() for p in net.parameters()]

def train_it():
    t = torch.rand(B); z, x = noisy(t)
    step(net, opt, ema, z, t, x)

teacher = Unet().eval()
for p in teacher.parameters():
    p.requires_grad_(False)
student = Unet(); sopt = torch.optim.Adam(student.parameters(), lr=1e-5)
N = 256

def targets(z, t):
    with torch.no_grad():
        t1 = t - 0.5 / N; t2 = t - 1.0 / N
        al, si = alpha_sigma(t); a1, s1 = alpha_sigma(t1); a2, s2 = alpha_sigma(t2)
        r = lambda v: v[:, None, None, None]
        xh = x_hat(teacher, z, t)
        z1 = r(a1) * xh + r(s1 / si) * (z - r(al) * xh)
        xh1 = x_hat(teacher, z1, t1)
        z2 = r(a2) * xh1 + r(s2 / s1) * (z1 - r(a1) * xh1)
        ratio = r(s2 / si)
        xt = (z2 - ratio * z) / (r(a2) - ratio * r(al))
        return torch.where(r(t2 <= 0), xh1, xt)

PARTS = {"data": [], "teacher": [], "student": [], "optimiser": []}

def distill_it():
    t0 = time.perf_counter()
    t = torch.randint(1, N + 1, (B,)).float() / N; z, _ = noisy(t)
    t1 = time.perf_counter()
    target = targets(z, t)
    t2 = time.perf_counter()
    PARTS["data"].append((t1 - t0) * 1e3); PARTS["teacher"].append((t2 - t1) * 1e3)
    step(student, sopt, None, z, t, target, PARTS)

zf = torch.randn(B, 1, 28, 28); tf = torch.rand(B)
def forward():
    with torch.no_grad():
        teacher(zf, tf)

out = {"torch": torch.__version__, "threads": torch.get_num_threads(), "parameters": params, "batch": B,
       "steps": steps}
out["forwardMs"] = timed(forward)
out["trainMs"] = timed(train_it)
out["distillMs"] = timed(distill_it)
# the parts of the distillation iteration (medians over the timed iterations, the warm-up dropped)
out["distillParts"] = {k: round(statistics.median(v[warm:]), 2) for k, v in PARTS.items()}
print(json.dumps(out))
