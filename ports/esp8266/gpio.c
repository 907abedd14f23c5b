/* GPIO0..15 through the W1TS/W1TC registers (the pin's IOMUX must select GPIO). */
#include "esp8266.h"
#include "mpf.h"

void gpio_mode(uint32_t port, uint32_t pin, uint32_t mode) {
    (void)port;
    if (mode == 1) {
        GPIO_ENABLE_W1TS = 1u << pin;
    } else {
        GPIO_ENABLE_W1TC = 1u << pin;
    }
}

void gpio_write(uint32_t port, uint32_t pin, int value) {
    (void)port;
    if (value) {
        GPIO_OUT_W1TS = 1u << pin;
    } else {
        GPIO_OUT_W1TC = 1u << pin;
    }
}

int gpio_read(uint32_t port, uint32_t pin) {
    (void)port;
    return (int)((GPIO_IN >> pin) & 1u);
}

/* machine.Pin (mpf.h): the GPIOs the MCU file gives an IO_MUX register */
static volatile uint32_t *iomux_reg(uint32_t pin, uint32_t *func) {
#define IOMUX_CASE(n, reg, f) \
    case n: \
        *func = f; \
        return &REG32(reg);
    switch (pin) {
        MPF_IOMUX(IOMUX_CASE)
        default:
            return NULL;
    }
#undef IOMUX_CASE
}

int mpf_port_pin_valid(uint32_t pin) {
    uint32_t func;
    return iomux_reg(pin, &func) != NULL;
}

int mpf_port_pin_config(uint32_t pin, int mode, int pull) {
    uint32_t func;
    volatile uint32_t *mux = iomux_reg(pin, &func);
    if (pull == MPF_PIN_PULL_DOWN) {
        return 0; /* the pads have pull-ups only */
    }
    uint32_t value = (*mux & ~(IOMUX_FUNC_MASK | IOMUX_PULLUP)) | IOMUX_FUNC(func);
    *mux = pull == MPF_PIN_PULL_UP ? value | IOMUX_PULLUP : value;
    if (mode == MPF_PIN_OPEN_DRAIN) {
        GPIO_PIN(pin) |= GPIO_PIN_PAD_DRIVER;
    } else {
        GPIO_PIN(pin) &= ~GPIO_PIN_PAD_DRIVER;
    }
    gpio_mode(0, pin, mode == MPF_PIN_IN ? 0 : 1);
    return 1;
}

void mpf_port_pin_write(uint32_t pin, int value) {
    gpio_write(0, pin, value);
}

int mpf_port_pin_read(uint32_t pin) {
    return gpio_read(0, pin);
}

/* the ROM's software reset: what the SDK's system_restart ends in */
void mpf_port_reset(void) {
    _ResetVector();
}
