/* GPIO through SIO: one bank of 30 pins, function 5 on IO_BANK0. */
#include "mpf.h"
#include "rp2040.h"

void gpio_mode(uint32_t port, uint32_t pin, uint32_t mode) {
    (void)port;
    REG_SET(PADS_GPIO(pin)) = PADS_IE;
    REG_CLR(PADS_GPIO(pin)) = PADS_OD;
    GPIO_CTRL(pin) = GPIO_FUNC_SIO;
    if (mode == 1) {
        SIO_GPIO_OE_SET = 1u << pin;
    } else {
        SIO_GPIO_OE_CLR = 1u << pin;
    }
}

void gpio_write(uint32_t port, uint32_t pin, int value) {
    (void)port;
    if (value) {
        SIO_GPIO_OUT_SET = 1u << pin;
    } else {
        SIO_GPIO_OUT_CLR = 1u << pin;
    }
}

int gpio_read(uint32_t port, uint32_t pin) {
    (void)port;
    return (int)((SIO_GPIO_IN >> pin) & 1u);
}

/* machine.Pin (mpf.h): GP0..GP29 through SIO */
int mpf_port_pin_valid(uint32_t pin) {
    return pin < MPF_PIN_COUNT;
}

int mpf_port_pin_config(uint32_t pin, int mode, int pull) {
    if (mode == MPF_PIN_OPEN_DRAIN) {
        return 0; /* the pads drive both ways; open drain would need OE toggling */
    }
    REG_CLR(PADS_GPIO(pin)) = PADS_PUE | PADS_PDE;
    if (pull != MPF_PIN_PULL_NONE) {
        REG_SET(PADS_GPIO(pin)) = pull == MPF_PIN_PULL_UP ? PADS_PUE : PADS_PDE;
    }
    gpio_mode(0, pin, (uint32_t)mode);
    return 1;
}

void mpf_port_pin_write(uint32_t pin, int value) {
    gpio_write(0, pin, value);
}

int mpf_port_pin_read(uint32_t pin) {
    return gpio_read(0, pin);
}
